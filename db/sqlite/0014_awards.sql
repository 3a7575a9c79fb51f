-- Service-quality awards: a yearly cycle run by an organising office, with categories, weighted criteria, a
-- nomination window and a judging window; nominations by offices of the organiser's subtree; judges assigned to the
-- cycle; each judge's score per nomination and criterion. Weights are stored in hundredths and scores in tenths
-- (integers: no decimal arithmetic in SQL); results are computed from the scores when asked, never stored.

CREATE TABLE AwardCycles (
    Id                  INTEGER PRIMARY KEY,
    Name                TEXT    NOT NULL,
    FiscalYear          TEXT    NOT NULL,
    OrganiserOfficeId   INTEGER NOT NULL REFERENCES Offices (Id),
    NominationsCloseOn  TEXT    NOT NULL,   -- the last day nominations are taken
    JudgingClosesOn     TEXT    NOT NULL,   -- the last day scores are taken; results from the day after
    CreatedBy           TEXT    NOT NULL,
    CreatedAtUtc        TEXT    NOT NULL
);
CREATE INDEX IX_AwardCycles_Organiser ON AwardCycles (OrganiserOfficeId, FiscalYear);

CREATE TABLE AwardCategories (
    Id        INTEGER PRIMARY KEY,
    CycleId   INTEGER NOT NULL REFERENCES AwardCycles (Id),
    Code      TEXT    NOT NULL,
    Position  INTEGER NOT NULL,
    NameBn    TEXT    NOT NULL,
    NameEn    TEXT    NOT NULL,
    NameTh    TEXT    NULL
);
CREATE UNIQUE INDEX UX_AwardCategories_Code ON AwardCategories (CycleId, Code);

CREATE TABLE AwardCriteria (
    Id                INTEGER PRIMARY KEY,
    CycleId           INTEGER NOT NULL REFERENCES AwardCycles (Id),
    Code              TEXT    NOT NULL,
    Position          INTEGER NOT NULL,
    NameBn            TEXT    NOT NULL,
    NameEn            TEXT    NOT NULL,
    WeightHundredths  INTEGER NOT NULL
);
CREATE UNIQUE INDEX UX_AwardCriteria_Code ON AwardCriteria (CycleId, Code);

CREATE TABLE AwardJudges (
    Id             INTEGER PRIMARY KEY,
    CycleId        INTEGER NOT NULL REFERENCES AwardCycles (Id),
    UserId         INTEGER NOT NULL REFERENCES Users (Id),
    AssignedBy     TEXT    NOT NULL,
    AssignedAtUtc  TEXT    NOT NULL
);
CREATE UNIQUE INDEX UX_AwardJudges_User ON AwardJudges (CycleId, UserId);
CREATE INDEX IX_AwardJudges_UserId ON AwardJudges (UserId);

CREATE TABLE AwardNominations (
    Id              INTEGER PRIMARY KEY,
    CycleId         INTEGER NOT NULL REFERENCES AwardCycles (Id),
    OfficeId        INTEGER NOT NULL REFERENCES Offices (Id),
    CategoryCode    TEXT    NOT NULL,
    Title           TEXT    NOT NULL,
    Summary         TEXT    NOT NULL,
    HasEvidence     INTEGER NOT NULL DEFAULT 0,
    NominatedBy     TEXT    NOT NULL,
    NominatedAtUtc  TEXT    NOT NULL,
    WithdrawnBy     TEXT    NULL,
    WithdrawnReason TEXT    NULL,
    WithdrawnAtUtc  TEXT    NULL
);
CREATE INDEX IX_AwardNominations_Cycle ON AwardNominations (CycleId, CategoryCode);
CREATE INDEX IX_AwardNominations_OfficeId ON AwardNominations (OfficeId);

CREATE TABLE AwardNominationEvidence (
    NominationId  INTEGER NOT NULL REFERENCES AwardNominations (Id),
    EvidenceId    INTEGER NOT NULL REFERENCES EvidenceFiles (Id),
    PRIMARY KEY (NominationId, EvidenceId)
);

CREATE TABLE AwardScores (
    Id             INTEGER PRIMARY KEY,
    NominationId   INTEGER NOT NULL REFERENCES AwardNominations (Id),
    JudgeUserId    INTEGER NOT NULL REFERENCES Users (Id),
    CriterionCode  TEXT    NOT NULL,
    ScoreTenths    INTEGER NOT NULL,        -- 0..100: a score of 0–10 with one decimal
    ScoredAtUtc    TEXT    NOT NULL
);
CREATE UNIQUE INDEX UX_AwardScores_Sheet ON AwardScores (NominationId, JudgeUserId, CriterionCode);
CREATE INDEX IX_AwardScores_Judge ON AwardScores (JudgeUserId);
