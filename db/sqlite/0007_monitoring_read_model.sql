-- Each OfficeScores row also records where the office stood and what it had done in that period, so that a period's
-- subtree is an indexed prefix search instead of a walk of the effective-dated tree, and its totals need no pass over
-- ExpectedItems (the dashboard reads a ministry's 25,000 offices this way):
--   Path        the office's path on the period's first day (for the year row, on the first day of the first quarter
--               it was expected in), e.g. '/1/14/203/';
--   Expected    its expected items; OnTime and Late: recorded by or after their due date; Unrecorded: the rest;
--   FirstOpenDueOn, LastOpenDueOn: the earliest and latest due date of the unrecorded items (Missed once passed).
-- Rows written before this script have an empty Path: the application rebuilds those years when it starts.
ALTER TABLE OfficeScores ADD COLUMN Path TEXT NOT NULL DEFAULT '' COLLATE NOCASE;
ALTER TABLE OfficeScores ADD COLUMN Expected INTEGER NOT NULL DEFAULT 0;
ALTER TABLE OfficeScores ADD COLUMN OnTime INTEGER NOT NULL DEFAULT 0;
ALTER TABLE OfficeScores ADD COLUMN Late INTEGER NOT NULL DEFAULT 0;
ALTER TABLE OfficeScores ADD COLUMN Unrecorded INTEGER NOT NULL DEFAULT 0;
ALTER TABLE OfficeScores ADD COLUMN FirstOpenDueOn TEXT NULL;
ALTER TABLE OfficeScores ADD COLUMN LastOpenDueOn TEXT NULL;
-- Covering: a period's totals over a ministry's 25,000 rows are read from the index alone.
CREATE INDEX IX_OfficeScores_Path ON OfficeScores (FiscalYear, Quarter, Path, ScoreHundredths, Expected, OnTime, Late, Unrecorded, FirstOpenDueOn, LastOpenDueOn);

-- The open follow-ups, soonest due first: a committee's list of what its meetings decided and is still to be done.
CREATE INDEX IX_FollowUps_Open ON FollowUps (Status, DueOn);
