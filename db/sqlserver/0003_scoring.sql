-- Action plans as data, and the read model of scores and expected items that roll-ups and deadline jobs read.
-- Scores are stored in hundredths (integers): no decimal arithmetic in SQL.

CREATE TABLE dbo.ActionPlans (
    Id            bigint IDENTITY(1,1) NOT NULL CONSTRAINT PK_ActionPlans PRIMARY KEY,
    FiscalYear    varchar(9)    NOT NULL,
    Document      nvarchar(max) NOT NULL,
    Version       int           NOT NULL CONSTRAINT DF_ActionPlans_Version DEFAULT 1,
    UpdatedBy     nvarchar(300) NOT NULL,
    UpdatedAtUtc  datetime2     NOT NULL,
    CONSTRAINT UQ_ActionPlans_FiscalYear UNIQUE (FiscalYear)
);

-- Every item an office is expected to deliver: office × applicable indicator × quarter (0 = the year, for annual
-- indicators), with its due date and the day it was first recorded. Status is derived from these and today.
CREATE TABLE dbo.ExpectedItems (
    OfficeId        bigint      NOT NULL CONSTRAINT FK_ExpectedItems_Office REFERENCES dbo.Offices (Id),
    FiscalYear      varchar(9)  NOT NULL,
    Quarter         int         NOT NULL,
    IndicatorCode   varchar(20) NOT NULL,
    DueOn           date        NOT NULL,
    RecordedOn      date        NULL,
    CONSTRAINT PK_ExpectedItems PRIMARY KEY (OfficeId, FiscalYear, Quarter, IndicatorCode)
);
CREATE INDEX IX_ExpectedItems_Due ON dbo.ExpectedItems (FiscalYear, DueOn);

-- The score of an office for a quarter (1..4) or the year (0), as the engine computed it after the last write.
CREATE TABLE dbo.OfficeScores (
    OfficeId         bigint     NOT NULL CONSTRAINT FK_OfficeScores_Office REFERENCES dbo.Offices (Id),
    FiscalYear       varchar(9) NOT NULL,
    Quarter          int        NOT NULL,
    ScoreHundredths  int        NOT NULL,
    HasSubordinates  bit        NOT NULL,
    ComputedAtUtc    datetime2  NOT NULL,
    CONSTRAINT PK_OfficeScores PRIMARY KEY (OfficeId, FiscalYear, Quarter)
);

-- The monitoring committee's overrides: the newest for an (office, period, indicator) applies; all are kept.
CREATE TABLE dbo.ScoreOverrides (
    Id               bigint IDENTITY(1,1) NOT NULL CONSTRAINT PK_ScoreOverrides PRIMARY KEY,
    OfficeId         bigint         NOT NULL CONSTRAINT FK_ScoreOverrides_Office REFERENCES dbo.Offices (Id),
    FiscalYear       varchar(9)     NOT NULL,
    Quarter          int            NOT NULL,
    IndicatorCode    varchar(20)    NOT NULL,
    ScoreHundredths  int            NOT NULL,
    Remark           nvarchar(2000) NOT NULL,
    OverriddenBy     nvarchar(300)  NOT NULL,
    OverriddenAtUtc  datetime2      NOT NULL
);
CREATE INDEX IX_ScoreOverrides_Office ON dbo.ScoreOverrides (OfficeId, FiscalYear);

-- A parent office lets a subordinate record into a locked period until a date.
CREATE TABLE dbo.LockExceptions (
    Id            bigint IDENTITY(1,1) NOT NULL CONSTRAINT PK_LockExceptions PRIMARY KEY,
    OfficeId      bigint         NOT NULL CONSTRAINT FK_LockExceptions_Office REFERENCES dbo.Offices (Id),
    FiscalYear    varchar(9)     NOT NULL,
    Quarter       int            NOT NULL,
    OpenUntil     date           NOT NULL,
    Reason        nvarchar(2000) NOT NULL,
    GrantedBy     nvarchar(300)  NOT NULL,
    GrantedAtUtc  datetime2      NOT NULL
);
CREATE INDEX IX_LockExceptions_Office ON dbo.LockExceptions (OfficeId, FiscalYear, Quarter);
