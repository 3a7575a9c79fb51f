-- Service-quality awards: a yearly cycle run by an organising office, with categories, weighted criteria, a
-- nomination window and a judging window; nominations by offices of the organiser's subtree; judges assigned to the
-- cycle; each judge's score per nomination and criterion. Weights are stored in hundredths and scores in tenths
-- (integers: no decimal arithmetic in SQL); results are computed from the scores when asked, never stored.

CREATE TABLE dbo.AwardCycles (
    Id                  bigint IDENTITY(1,1) NOT NULL CONSTRAINT PK_AwardCycles PRIMARY KEY,
    Name                nvarchar(300) NOT NULL,
    FiscalYear          varchar(9) NOT NULL,
    OrganiserOfficeId   bigint NOT NULL CONSTRAINT FK_AwardCycles_OrganiserOfficeId REFERENCES dbo.Offices (Id),
    NominationsCloseOn  date NOT NULL, -- the last day nominations are taken
    JudgingClosesOn     date NOT NULL, -- the last day scores are taken; results from the day after
    CreatedBy           nvarchar(300) NOT NULL,
    CreatedAtUtc        datetime2 NOT NULL
);
CREATE INDEX IX_AwardCycles_Organiser ON dbo.AwardCycles (OrganiserOfficeId, FiscalYear);

CREATE TABLE dbo.AwardCategories (
    Id        bigint IDENTITY(1,1) NOT NULL CONSTRAINT PK_AwardCategories PRIMARY KEY,
    CycleId   bigint NOT NULL CONSTRAINT FK_AwardCategories_CycleId REFERENCES dbo.AwardCycles (Id),
    Code      nvarchar(40) NOT NULL,
    Position  int NOT NULL,
    NameBn    nvarchar(300) NOT NULL,
    NameEn    nvarchar(300) NOT NULL,
    NameTh    nvarchar(300) NULL
);
CREATE UNIQUE INDEX UX_AwardCategories_Code ON dbo.AwardCategories (CycleId, Code);

CREATE TABLE dbo.AwardCriteria (
    Id                bigint IDENTITY(1,1) NOT NULL CONSTRAINT PK_AwardCriteria PRIMARY KEY,
    CycleId           bigint NOT NULL CONSTRAINT FK_AwardCriteria_CycleId REFERENCES dbo.AwardCycles (Id),
    Code              nvarchar(40) NOT NULL,
    Position          int NOT NULL,
    NameBn            nvarchar(300) NOT NULL,
    NameEn            nvarchar(300) NOT NULL,
    WeightHundredths  int NOT NULL
);
CREATE UNIQUE INDEX UX_AwardCriteria_Code ON dbo.AwardCriteria (CycleId, Code);

CREATE TABLE dbo.AwardJudges (
    Id             bigint IDENTITY(1,1) NOT NULL CONSTRAINT PK_AwardJudges PRIMARY KEY,
    CycleId        bigint NOT NULL CONSTRAINT FK_AwardJudges_CycleId REFERENCES dbo.AwardCycles (Id),
    UserId         bigint NOT NULL CONSTRAINT FK_AwardJudges_UserId REFERENCES dbo.Users (Id),
    AssignedBy     nvarchar(300) NOT NULL,
    AssignedAtUtc  datetime2 NOT NULL
);
CREATE UNIQUE INDEX UX_AwardJudges_User ON dbo.AwardJudges (CycleId, UserId);
CREATE INDEX IX_AwardJudges_UserId ON dbo.AwardJudges (UserId);

CREATE TABLE dbo.AwardNominations (
    Id              bigint IDENTITY(1,1) NOT NULL CONSTRAINT PK_AwardNominations PRIMARY KEY,
    CycleId         bigint NOT NULL CONSTRAINT FK_AwardNominations_CycleId REFERENCES dbo.AwardCycles (Id),
    OfficeId        bigint NOT NULL CONSTRAINT FK_AwardNominations_OfficeId REFERENCES dbo.Offices (Id),
    CategoryCode    nvarchar(40) NOT NULL,
    Title           nvarchar(500) NOT NULL,
    Summary         nvarchar(max) NOT NULL,
    HasEvidence     bit NOT NULL CONSTRAINT DF_AwardNominations_HasEvidence DEFAULT 0,
    NominatedBy     nvarchar(300) NOT NULL,
    NominatedAtUtc  datetime2 NOT NULL,
    WithdrawnBy     nvarchar(300) NULL,
    WithdrawnReason nvarchar(1000) NULL,
    WithdrawnAtUtc  datetime2 NULL
);
CREATE INDEX IX_AwardNominations_Cycle ON dbo.AwardNominations (CycleId, CategoryCode);
CREATE INDEX IX_AwardNominations_OfficeId ON dbo.AwardNominations (OfficeId);

CREATE TABLE dbo.AwardNominationEvidence (
    NominationId  bigint NOT NULL CONSTRAINT FK_AwardNominationEvidence_NominationId REFERENCES dbo.AwardNominations (Id),
    EvidenceId    bigint NOT NULL CONSTRAINT FK_AwardNominationEvidence_EvidenceId REFERENCES dbo.EvidenceFiles (Id),
    CONSTRAINT PK_AwardNominationEvidence PRIMARY KEY (NominationId, EvidenceId)
);

CREATE TABLE dbo.AwardScores (
    Id             bigint IDENTITY(1,1) NOT NULL CONSTRAINT PK_AwardScores PRIMARY KEY,
    NominationId   bigint NOT NULL CONSTRAINT FK_AwardScores_NominationId REFERENCES dbo.AwardNominations (Id),
    JudgeUserId    bigint NOT NULL CONSTRAINT FK_AwardScores_JudgeUserId REFERENCES dbo.Users (Id),
    CriterionCode  nvarchar(40) NOT NULL,
    ScoreTenths    int NOT NULL, -- 0..100: a score of 0–10 with one decimal
    ScoredAtUtc    datetime2 NOT NULL
);
CREATE UNIQUE INDEX UX_AwardScores_Sheet ON dbo.AwardScores (NominationId, JudgeUserId, CriterionCode);
CREATE INDEX IX_AwardScores_Judge ON dbo.AwardScores (JudgeUserId);
