-- Kaizen improvement cases ("one year, one project"): a record kind like the others (RecordMetadata's columns,
-- history, evidence links, withdrawal), per office and fiscal year. Quarter is always NULL: a case counts for the
-- year. ImplementedRecordedOn is the day the case was first saved as Implemented: it decides Done or Late for an
-- indicator fed by implemented cases, as RecordedOn does for the other kinds.
CREATE TABLE dbo.KaizenCases (
    Id                     bigint IDENTITY(1,1) NOT NULL CONSTRAINT PK_KaizenCases PRIMARY KEY,
    OfficeId               bigint NOT NULL CONSTRAINT FK_KaizenCases_OfficeId REFERENCES dbo.Offices (Id),
    FiscalYear             varchar(9)     NOT NULL,
    Quarter                int            NULL,
    Title                  nvarchar(300)  NOT NULL,
    Problem                nvarchar(max)  NOT NULL,
    RootCause              nvarchar(max)  NOT NULL,
    Change                 nvarchar(max)  NOT NULL,
    Status                 varchar(20)    NOT NULL,
    ImplementedOn          date           NULL,
    ImplementedRecordedOn  date           NULL,
    AbandonedReason        nvarchar(max)  NULL,
    HasEvidence            bit            NOT NULL,
    RecordedOn             date           NOT NULL,
    BackFilled             bit            NOT NULL CONSTRAINT DF_KaizenCases_BackFilled DEFAULT 0,
    Version                int            NOT NULL CONSTRAINT DF_KaizenCases_Version DEFAULT 1,
    WithdrawnAtUtc         datetime2      NULL,
    WithdrawnReason        nvarchar(max)  NULL,
    CreatedBy              nvarchar(300)  NOT NULL,
    CreatedAtUtc           datetime2      NOT NULL,
    UpdatedAtUtc           datetime2      NOT NULL
);
CREATE INDEX IX_KaizenCases_OfficeYear ON dbo.KaizenCases (OfficeId, FiscalYear);
CREATE INDEX IX_KaizenCases_YearStatus ON dbo.KaizenCases (FiscalYear, Status, OfficeId);

-- The team, in the order given.
CREATE TABLE dbo.KaizenTeamMembers (
    CaseId       bigint NOT NULL CONSTRAINT FK_KaizenTeamMembers_CaseId REFERENCES dbo.KaizenCases (Id),
    Seq          int            NOT NULL,
    Name         nvarchar(200)  NOT NULL,
    Designation  nvarchar(200)  NOT NULL,
    CONSTRAINT PK_KaizenTeamMembers PRIMARY KEY (CaseId, Seq)
);

-- Before/after measures (steps, days, visits, cost — any unit). ValueAfter is NULL while a case is not implemented.
-- Better: Lower (steps, days, visits, cost) or Higher (satisfaction, share served on time).
CREATE TABLE dbo.KaizenMeasures (
    CaseId       bigint NOT NULL CONSTRAINT FK_KaizenMeasures_CaseId REFERENCES dbo.KaizenCases (Id),
    Seq          int            NOT NULL,
    Name         nvarchar(200)  NOT NULL,
    Unit         nvarchar(50)   NOT NULL,
    ValueBefore  decimal(19,4)  NOT NULL,
    ValueAfter   decimal(19,4)  NULL,
    Better       varchar(10)    NOT NULL,
    CONSTRAINT PK_KaizenMeasures PRIMARY KEY (CaseId, Seq)
);
