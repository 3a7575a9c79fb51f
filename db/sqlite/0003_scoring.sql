-- Action plans as data, and the read model of scores and expected items that roll-ups and deadline jobs read.
-- Scores are stored in hundredths (integers): no decimal arithmetic in SQL.

CREATE TABLE ActionPlans (
    Id            INTEGER PRIMARY KEY,
    FiscalYear    TEXT    NOT NULL,
    Document      TEXT    NOT NULL,
    Version       INTEGER NOT NULL DEFAULT 1,
    UpdatedBy     TEXT    NOT NULL,
    UpdatedAtUtc  TEXT    NOT NULL,
    CONSTRAINT UQ_ActionPlans_FiscalYear UNIQUE (FiscalYear)
);

-- Every item an office is expected to deliver: office × applicable indicator × quarter (0 = the year, for annual
-- indicators), with its due date and the day it was first recorded. Status is derived from these and today.
CREATE TABLE ExpectedItems (
    OfficeId        INTEGER NOT NULL REFERENCES Offices (Id),
    FiscalYear      TEXT    NOT NULL,
    Quarter         INTEGER NOT NULL,
    IndicatorCode   TEXT    NOT NULL,
    DueOn           TEXT    NOT NULL,
    RecordedOn      TEXT    NULL,
    PRIMARY KEY (OfficeId, FiscalYear, Quarter, IndicatorCode)
);
CREATE INDEX IX_ExpectedItems_Due ON ExpectedItems (FiscalYear, DueOn);

-- The score of an office for a quarter (1..4) or the year (0), as the engine computed it after the last write.
CREATE TABLE OfficeScores (
    OfficeId         INTEGER NOT NULL REFERENCES Offices (Id),
    FiscalYear       TEXT    NOT NULL,
    Quarter          INTEGER NOT NULL,
    ScoreHundredths  INTEGER NOT NULL,
    HasSubordinates  INTEGER NOT NULL,
    ComputedAtUtc    TEXT    NOT NULL,
    PRIMARY KEY (OfficeId, FiscalYear, Quarter)
);

-- The monitoring committee's overrides: the newest for an (office, period, indicator) applies; all are kept.
CREATE TABLE ScoreOverrides (
    Id               INTEGER PRIMARY KEY,
    OfficeId         INTEGER NOT NULL REFERENCES Offices (Id),
    FiscalYear       TEXT    NOT NULL,
    Quarter          INTEGER NOT NULL,
    IndicatorCode    TEXT    NOT NULL,
    ScoreHundredths  INTEGER NOT NULL,
    Remark           TEXT    NOT NULL,
    OverriddenBy     TEXT    NOT NULL,
    OverriddenAtUtc  TEXT    NOT NULL
);
CREATE INDEX IX_ScoreOverrides_Office ON ScoreOverrides (OfficeId, FiscalYear);

-- A parent office lets a subordinate record into a locked period until a date.
CREATE TABLE LockExceptions (
    Id            INTEGER PRIMARY KEY,
    OfficeId      INTEGER NOT NULL REFERENCES Offices (Id),
    FiscalYear    TEXT    NOT NULL,
    Quarter       INTEGER NOT NULL,
    OpenUntil     TEXT    NOT NULL,
    Reason        TEXT    NOT NULL,
    GrantedBy     TEXT    NOT NULL,
    GrantedAtUtc  TEXT    NOT NULL
);
CREATE INDEX IX_LockExceptions_Office ON LockExceptions (OfficeId, FiscalYear, Quarter);
