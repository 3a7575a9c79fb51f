-- Kaizen improvement cases ("one year, one project"): a record kind like the others (RecordMetadata's columns,
-- history, evidence links, withdrawal), per office and fiscal year. Quarter is always NULL: a case counts for the
-- year. ImplementedRecordedOn is the day the case was first saved as Implemented: it decides Done or Late for an
-- indicator fed by implemented cases, as RecordedOn does for the other kinds.
CREATE TABLE KaizenCases (
    Id                     INTEGER PRIMARY KEY,
    OfficeId               INTEGER NOT NULL REFERENCES Offices (Id),
    FiscalYear             TEXT    NOT NULL,
    Quarter                INTEGER NULL,
    Title                  TEXT    NOT NULL,
    Problem                TEXT    NOT NULL,
    RootCause              TEXT    NOT NULL,
    Change                 TEXT    NOT NULL,
    Status                 TEXT    NOT NULL,      -- Planned | InProgress | Implemented | Abandoned
    ImplementedOn          TEXT    NULL,
    ImplementedRecordedOn  TEXT    NULL,
    AbandonedReason        TEXT    NULL,
    HasEvidence            INTEGER NOT NULL,
    RecordedOn             TEXT    NOT NULL,
    BackFilled             INTEGER NOT NULL DEFAULT 0,
    Version                INTEGER NOT NULL DEFAULT 1,
    WithdrawnAtUtc         TEXT    NULL,
    WithdrawnReason        TEXT    NULL,
    CreatedBy              TEXT    NOT NULL,
    CreatedAtUtc           TEXT    NOT NULL,
    UpdatedAtUtc           TEXT    NOT NULL
);
CREATE INDEX IX_KaizenCases_OfficeYear ON KaizenCases (OfficeId, FiscalYear);
CREATE INDEX IX_KaizenCases_YearStatus ON KaizenCases (FiscalYear, Status, OfficeId);

-- The team, in the order given.
CREATE TABLE KaizenTeamMembers (
    CaseId       INTEGER NOT NULL REFERENCES KaizenCases (Id),
    Seq          INTEGER NOT NULL,
    Name         TEXT    NOT NULL,
    Designation  TEXT    NOT NULL,
    PRIMARY KEY (CaseId, Seq)
);

-- Before/after measures (steps, days, visits, cost — any unit). ValueAfter is NULL while a case is not implemented.
-- Better: Lower (steps, days, visits, cost) or Higher (satisfaction, share served on time).
CREATE TABLE KaizenMeasures (
    CaseId       INTEGER NOT NULL REFERENCES KaizenCases (Id),
    Seq          INTEGER NOT NULL,
    Name         TEXT    NOT NULL,
    Unit         TEXT    NOT NULL,
    ValueBefore  NUMERIC NOT NULL,
    ValueAfter   NUMERIC NULL,
    Better       TEXT    NOT NULL,
    PRIMARY KEY (CaseId, Seq)
);
