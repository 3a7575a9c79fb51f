-- A write refreshes its office's and its parent's scores from the tallies of their records of the year (per kind,
-- quarter and evidence: how many, and the first day one was recorded). These indexes hold exactly those columns for
-- the records not withdrawn, so a tally is read from the index alone, and an office's 2,000th record in a quarter
-- costs a write what its first did.
CREATE INDEX IX_CharterUpdates_Tally ON CharterUpdates (OfficeId, FiscalYear, Quarter, HasEvidence, RecordedOn) WHERE WithdrawnAtUtc IS NULL;
CREATE INDEX IX_Meetings_Tally ON Meetings (OfficeId, FiscalYear, Kind, Quarter, HasEvidence, RecordedOn) WHERE WithdrawnAtUtc IS NULL;
CREATE INDEX IX_Trainings_Tally ON Trainings (OfficeId, FiscalYear, Quarter, HasEvidence, RecordedOn) WHERE WithdrawnAtUtc IS NULL;
CREATE INDEX IX_Reports_Tally ON Reports (OfficeId, FiscalYear, Kind, Quarter, HasEvidence, RecordedOn) WHERE WithdrawnAtUtc IS NULL;
