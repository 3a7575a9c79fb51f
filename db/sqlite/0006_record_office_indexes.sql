-- An office's records of a year are read on every write (its scores are refreshed before the command commits) and by
-- every scorecard: index them by office first.
CREATE INDEX IX_Meetings_OfficeYear ON Meetings (OfficeId, FiscalYear);
CREATE INDEX IX_Trainings_OfficeYear ON Trainings (OfficeId, FiscalYear);
CREATE INDEX IX_Reports_OfficeYear ON Reports (OfficeId, FiscalYear);
