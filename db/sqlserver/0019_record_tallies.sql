-- A write refreshes its office's and its parent's scores from the tallies of their records of the year (per kind,
-- quarter and evidence: how many, and the first day one was recorded). These filtered indexes hold exactly those
-- columns for the records not withdrawn, so a tally is read from the index alone, and an office's 2,000th record in a
-- quarter costs a write what its first did.
CREATE INDEX IX_CharterUpdates_Tally ON dbo.CharterUpdates (OfficeId, FiscalYear, Quarter, HasEvidence) INCLUDE (RecordedOn) WHERE WithdrawnAtUtc IS NULL;
CREATE INDEX IX_Meetings_Tally ON dbo.Meetings (OfficeId, FiscalYear, Kind, Quarter, HasEvidence) INCLUDE (RecordedOn) WHERE WithdrawnAtUtc IS NULL;
CREATE INDEX IX_Trainings_Tally ON dbo.Trainings (OfficeId, FiscalYear, Quarter, HasEvidence) INCLUDE (RecordedOn) WHERE WithdrawnAtUtc IS NULL;
CREATE INDEX IX_Reports_Tally ON dbo.Reports (OfficeId, FiscalYear, Kind, Quarter, HasEvidence) INCLUDE (RecordedOn) WHERE WithdrawnAtUtc IS NULL;
