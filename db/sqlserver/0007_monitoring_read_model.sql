-- Each OfficeScores row also records where the office stood and what it had done in that period, so that a period's
-- subtree is an indexed prefix search instead of a walk of the effective-dated tree, and its totals need no pass over
-- ExpectedItems (the dashboard reads a ministry's 25,000 offices this way):
--   Path        the office's path on the period's first day (for the year row, on the first day of the first quarter
--               it was expected in), e.g. '/1/14/203/';
--   Expected    its expected items; OnTime and Late: recorded by or after their due date; Unrecorded: the rest;
--   FirstOpenDueOn, LastOpenDueOn: the earliest and latest due date of the unrecorded items (Missed once passed).
-- Rows written before this script have an empty Path: the application rebuilds those years when it starts.
ALTER TABLE dbo.OfficeScores ADD
    Path            varchar(800) NOT NULL CONSTRAINT DF_OfficeScores_Path DEFAULT '',
    Expected        int          NOT NULL CONSTRAINT DF_OfficeScores_Expected DEFAULT 0,
    OnTime          int          NOT NULL CONSTRAINT DF_OfficeScores_OnTime DEFAULT 0,
    Late            int          NOT NULL CONSTRAINT DF_OfficeScores_Late DEFAULT 0,
    Unrecorded      int          NOT NULL CONSTRAINT DF_OfficeScores_Unrecorded DEFAULT 0,
    FirstOpenDueOn  date         NULL,
    LastOpenDueOn   date         NULL;
GO
CREATE INDEX IX_OfficeScores_Path ON dbo.OfficeScores (FiscalYear, Quarter, Path) INCLUDE (ScoreHundredths, Expected, OnTime, Late, Unrecorded, FirstOpenDueOn, LastOpenDueOn);

-- The open follow-ups, soonest due first: a committee's list of what its meetings decided and is still to be done.
CREATE INDEX IX_FollowUps_Open ON dbo.FollowUps (Status, DueOn);
