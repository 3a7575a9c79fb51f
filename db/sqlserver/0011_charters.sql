-- The charter itself (সেবা প্রদান প্রতিশ্রুতি) as versioned data. A version is a draft until published; a
-- published version never changes (a correction is a new version); the latest published version is the office's
-- charter. Publishing counts as the office's charter update (1.1.1) for the quarter of PublishedOn: the
-- CharterUpdates row it created or counted towards is CharterUpdateId. Bengali text is required, English optional.

-- A service's stable identity across versions: each version's row for the service names it.
CREATE TABLE dbo.CharterServiceIds (
    Id            bigint IDENTITY(1,1) NOT NULL CONSTRAINT PK_CharterServiceIds PRIMARY KEY,
    OfficeId      bigint NOT NULL CONSTRAINT FK_CharterServiceIds_OfficeId REFERENCES dbo.Offices (Id),
    CreatedAtUtc  datetime2 NOT NULL
);
CREATE INDEX IX_CharterServiceIds_OfficeId ON dbo.CharterServiceIds (OfficeId);

CREATE TABLE dbo.CharterVersions (
    Id               bigint IDENTITY(1,1) NOT NULL CONSTRAINT PK_CharterVersions PRIMARY KEY,
    OfficeId         bigint NOT NULL CONSTRAINT FK_CharterVersions_OfficeId REFERENCES dbo.Offices (Id),
    Version          int NOT NULL,
    Status           varchar(20) NOT NULL, -- Draft | Published
    VisionBn         nvarchar(max) NOT NULL,
    VisionEn         nvarchar(max) NULL,
    MissionBn        nvarchar(max) NOT NULL,
    MissionEn        nvarchar(max) NULL,
    PublishedOn      date NULL, -- the publication date printed on the charter
    FiscalYear       varchar(9) NULL, -- of PublishedOn
    Quarter          int NULL, -- of PublishedOn
    CharterUpdateId  bigint NULL CONSTRAINT FK_CharterVersions_CharterUpdateId REFERENCES dbo.CharterUpdates (Id),
    Revision         int NOT NULL CONSTRAINT DF_CharterVersions_Revision DEFAULT 1, -- optimistic concurrency while a draft
    CreatedBy        nvarchar(300) NOT NULL,
    CreatedAtUtc     datetime2 NOT NULL,
    UpdatedAtUtc     datetime2 NOT NULL,
    PublishedBy      nvarchar(300) NULL,
    PublishedAtUtc   datetime2 NULL
);
CREATE UNIQUE INDEX UX_CharterVersions_OfficeVersion ON dbo.CharterVersions (OfficeId, Version);
CREATE UNIQUE INDEX UX_CharterVersions_OneDraft ON dbo.CharterVersions (OfficeId) WHERE Status = 'Draft';
CREATE INDEX IX_CharterVersions_Published ON dbo.CharterVersions (FiscalYear, Quarter, OfficeId);

-- One row per service in a version, in the order printed within its category.
CREATE TABLE dbo.CharterServices (
    Id                    bigint IDENTITY(1,1) NOT NULL CONSTRAINT PK_CharterServices PRIMARY KEY,
    CharterVersionId      bigint NOT NULL CONSTRAINT FK_CharterServices_CharterVersionId REFERENCES dbo.CharterVersions (Id),
    ServiceId             bigint NOT NULL CONSTRAINT FK_CharterServices_ServiceId REFERENCES dbo.CharterServiceIds (Id),
    Category              varchar(20) NOT NULL, -- Citizen | Institutional | Internal | Subordinate
    Position              int NOT NULL,
    NameBn                nvarchar(500) NOT NULL,
    NameEn                nvarchar(500) NULL,
    MethodBn              nvarchar(max) NOT NULL, -- how the service is delivered
    MethodEn              nvarchar(max) NULL,
    DocumentsBn           nvarchar(max) NOT NULL, -- documents needed and where to get them
    DocumentsEn           nvarchar(max) NULL,
    FeeBn                 nvarchar(500) NOT NULL, -- the fee and how to pay
    FeeEn                 nvarchar(500) NULL,
    TimeLimitBn           nvarchar(500) NOT NULL,
    TimeLimitEn           nvarchar(500) NULL,
    TimeLimitDays         int NULL, -- when the time limit is a number of days (spot checks compare it)
    OfficerName           nvarchar(500) NOT NULL,
    OfficerNameEn         nvarchar(500) NULL,
    OfficerDesignation    nvarchar(500) NOT NULL,
    OfficerDesignationEn  nvarchar(500) NULL,
    OfficerPhone          nvarchar(40) NULL,
    OfficerEmail          nvarchar(320) NULL
);
CREATE UNIQUE INDEX UX_CharterServices_VersionService ON dbo.CharterServices (CharterVersionId, ServiceId);
CREATE INDEX IX_CharterServices_ServiceId ON dbo.CharterServices (ServiceId);

-- The grievance redress (GRS) escalation: level 1 the officer in charge, then the grievance officer, the appeal
-- officer, and the Cabinet Division's GRS cell; Days is how long each level has.
CREATE TABLE dbo.CharterGrievanceLevels (
    Id                    bigint IDENTITY(1,1) NOT NULL CONSTRAINT PK_CharterGrievanceLevels PRIMARY KEY,
    CharterVersionId      bigint NOT NULL CONSTRAINT FK_CharterGrievanceLevels_CharterVersionId REFERENCES dbo.CharterVersions (Id),
    Level                 int NOT NULL,
    OfficerName           nvarchar(500) NOT NULL,
    OfficerNameEn         nvarchar(500) NULL,
    OfficerDesignation    nvarchar(500) NOT NULL,
    OfficerDesignationEn  nvarchar(500) NULL,
    OfficerPhone          nvarchar(40) NULL,
    OfficerEmail          nvarchar(320) NULL,
    Days                  int NULL
);
CREATE UNIQUE INDEX UX_CharterGrievanceLevels_VersionLevel ON dbo.CharterGrievanceLevels (CharterVersionId, Level);

-- "What we expect from you" (আপনার কাছে আমাদের প্রত্যাশা), in order.
CREATE TABLE dbo.CharterExpectations (
    Id                bigint IDENTITY(1,1) NOT NULL CONSTRAINT PK_CharterExpectations PRIMARY KEY,
    CharterVersionId  bigint NOT NULL CONSTRAINT FK_CharterExpectations_CharterVersionId REFERENCES dbo.CharterVersions (Id),
    Position          int NOT NULL,
    TextBn            nvarchar(max) NOT NULL,
    TextEn            nvarchar(max) NULL
);
CREATE UNIQUE INDEX UX_CharterExpectations_VersionPosition ON dbo.CharterExpectations (CharterVersionId, Position);

