-- Quality systems beside the charter plan: an office adopts systems (ISO 9001, any of the P.S.O. standard's ten
-- core systems — reference data in QualitySystems/QualitySystemCatalog.cs — or one of its own), defines its own
-- indicators for them, and records one value per indicator and quarter. The values are scored by the plan's engine
-- but never enter the plan's tables (ExpectedItems, OfficeScores): the plan score cannot move.

CREATE TABLE dbo.QualitySystemAdoptions (
    Id              bigint IDENTITY(1,1) NOT NULL CONSTRAINT PK_QualitySystemAdoptions PRIMARY KEY,
    OfficeId        bigint NOT NULL CONSTRAINT FK_QualitySystemAdoptions_OfficeId REFERENCES dbo.Offices (Id),
    SystemCode      varchar(20)    NOT NULL,
    NameBn          nvarchar(300)  NULL,
    NameEn          nvarchar(300)  NULL,
    AdoptedOn       date           NOT NULL,
    RetiredOn       date           NULL,
    RetiredReason   nvarchar(1000) NULL,
    Version         int NOT NULL CONSTRAINT DF_QualitySystemAdoptions_Version DEFAULT 1,
    CreatedBy       nvarchar(300)  NOT NULL,
    CreatedAtUtc    datetime2      NOT NULL,
    UpdatedAtUtc    datetime2      NOT NULL
);
CREATE INDEX IX_QualitySystemAdoptions_OfficeId ON dbo.QualitySystemAdoptions (OfficeId);
CREATE UNIQUE INDEX UX_QualitySystemAdoptions_Current ON dbo.QualitySystemAdoptions (OfficeId, SystemCode) WHERE RetiredOn IS NULL AND SystemCode <> 'OWN';
CREATE INDEX IX_QualitySystemAdoptions_SystemCode ON dbo.QualitySystemAdoptions (SystemCode, OfficeId);

CREATE TABLE dbo.QualityIndicators (
    Id                bigint IDENTITY(1,1) NOT NULL CONSTRAINT PK_QualityIndicators PRIMARY KEY,
    OfficeId          bigint NOT NULL CONSTRAINT FK_QualityIndicators_OfficeId REFERENCES dbo.Offices (Id),
    AdoptionId        bigint NOT NULL CONSTRAINT FK_QualityIndicators_AdoptionId REFERENCES dbo.QualitySystemAdoptions (Id),
    Code              nvarchar(20)   NOT NULL,
    NameBn            nvarchar(500)  NOT NULL,
    NameEn            nvarchar(500)  NULL,
    Unit              varchar(20)    NOT NULL,
    Frequency         varchar(20)    NOT NULL,
    Aggregation       varchar(20)    NOT NULL,
    Direction         varchar(20)    NOT NULL,
    Weight            decimal(19,4)  NOT NULL,
    Targets           nvarchar(2000) NOT NULL,
    EvidenceRequired  bit NOT NULL,
    Version           int NOT NULL CONSTRAINT DF_QualityIndicators_Version DEFAULT 1,
    CreatedBy         nvarchar(300)  NOT NULL,
    CreatedAtUtc      datetime2      NOT NULL,
    UpdatedAtUtc      datetime2      NOT NULL
);
CREATE UNIQUE INDEX UX_QualityIndicators_OfficeCode ON dbo.QualityIndicators (OfficeId, Code);
CREATE INDEX IX_QualityIndicators_AdoptionId ON dbo.QualityIndicators (AdoptionId);

CREATE TABLE dbo.QualityValues (
    Id               bigint IDENTITY(1,1) NOT NULL CONSTRAINT PK_QualityValues PRIMARY KEY,
    OfficeId         bigint NOT NULL CONSTRAINT FK_QualityValues_OfficeId REFERENCES dbo.Offices (Id),
    IndicatorId      bigint NOT NULL CONSTRAINT FK_QualityValues_IndicatorId REFERENCES dbo.QualityIndicators (Id),
    FiscalYear       varchar(9)     NOT NULL,
    Quarter          int NOT NULL,
    Value            decimal(19,4)  NOT NULL,
    Note             nvarchar(max)  NULL,
    HasEvidence      bit NOT NULL,
    RecordedOn       date           NOT NULL,
    BackFilled       bit NOT NULL CONSTRAINT DF_QualityValues_BackFilled DEFAULT 0,
    Version          int NOT NULL CONSTRAINT DF_QualityValues_Version DEFAULT 1,
    WithdrawnAtUtc   datetime2      NULL,
    WithdrawnReason  nvarchar(max)  NULL,
    CreatedBy        nvarchar(300)  NOT NULL,
    CreatedAtUtc     datetime2      NOT NULL,
    UpdatedAtUtc     datetime2      NOT NULL
);
CREATE UNIQUE INDEX UX_QualityValues_Current ON dbo.QualityValues (IndicatorId, FiscalYear, Quarter) WHERE WithdrawnAtUtc IS NULL;
CREATE INDEX IX_QualityValues_Office ON dbo.QualityValues (OfficeId, FiscalYear);
