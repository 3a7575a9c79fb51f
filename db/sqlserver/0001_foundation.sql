-- Offices, people and access, and the audit log.

CREATE TABLE dbo.Offices (
    Id            bigint IDENTITY(1,1) NOT NULL CONSTRAINT PK_Offices PRIMARY KEY,
    Code          nvarchar(50)   NOT NULL,
    NameBn        nvarchar(300)  NOT NULL,
    NameEn        nvarchar(300)  NOT NULL,
    Kind          varchar(30)    NOT NULL,
    ParentId      bigint         NULL CONSTRAINT FK_Offices_Parent REFERENCES dbo.Offices (Id),
    -- Materialised path of the latest placement, e.g. '/1/14/203/': a subtree is Path LIKE '/1/14/%'.
    Path          varchar(800)   NOT NULL,
    Depth         int            NOT NULL,
    ActiveFrom    date           NOT NULL,
    ActiveUntil   date           NULL,
    Version       int            NOT NULL CONSTRAINT DF_Offices_Version DEFAULT 1,
    CreatedAtUtc  datetime2      NOT NULL,
    CONSTRAINT UQ_Offices_Code UNIQUE (Code)
);
CREATE INDEX IX_Offices_Path ON dbo.Offices (Path);
CREATE INDEX IX_Offices_ParentId ON dbo.Offices (ParentId);

-- The effective-dated tree: where an office hung from ValidFrom until ValidUntil (exclusive).
CREATE TABLE dbo.OfficePlacements (
    Id          bigint IDENTITY(1,1) NOT NULL CONSTRAINT PK_OfficePlacements PRIMARY KEY,
    OfficeId    bigint NOT NULL CONSTRAINT FK_OfficePlacements_Office REFERENCES dbo.Offices (Id),
    ParentId    bigint NULL CONSTRAINT FK_OfficePlacements_Parent REFERENCES dbo.Offices (Id),
    ValidFrom   date   NOT NULL,
    ValidUntil  date   NULL,
    CONSTRAINT UQ_OfficePlacements UNIQUE (OfficeId, ValidFrom)
);
CREATE INDEX IX_OfficePlacements_ParentId ON dbo.OfficePlacements (ParentId, ValidFrom);

-- What happened to an office, in its own words (registered, renamed, moved, deactivated).
CREATE TABLE dbo.OfficeChanges (
    Id               bigint IDENTITY(1,1) NOT NULL CONSTRAINT PK_OfficeChanges PRIMARY KEY,
    OfficeId         bigint        NOT NULL CONSTRAINT FK_OfficeChanges_Office REFERENCES dbo.Offices (Id),
    Change           varchar(30)   NOT NULL,
    EffectiveOn      date          NOT NULL,
    Before           nvarchar(max) NULL,
    After            nvarchar(max) NULL,
    ChangedByUserId  bigint        NULL,
    ChangedBy        nvarchar(100) NOT NULL,
    ChangedAtUtc     datetime2     NOT NULL
);
CREATE INDEX IX_OfficeChanges_OfficeId ON dbo.OfficeChanges (OfficeId, Id);

CREATE TABLE dbo.Users (
    Id            bigint IDENTITY(1,1) NOT NULL CONSTRAINT PK_Users PRIMARY KEY,
    Username      nvarchar(100) NOT NULL,
    PasswordHash  varchar(200)  NOT NULL,
    DisplayName   nvarchar(200) NOT NULL,
    Role          varchar(30)   NOT NULL,
    OfficeId      bigint        NULL CONSTRAINT FK_Users_Office REFERENCES dbo.Offices (Id),
    Email         nvarchar(200) NULL,
    Language      varchar(5)    NOT NULL CONSTRAINT DF_Users_Language DEFAULT 'bn',
    Active        bit           NOT NULL CONSTRAINT DF_Users_Active DEFAULT 1,
    CreatedAtUtc  datetime2     NOT NULL,
    CONSTRAINT UQ_Users_Username UNIQUE (Username)
);
CREATE INDEX IX_Users_OfficeId ON dbo.Users (OfficeId);

CREATE TABLE dbo.FocalPointAssignments (
    Id            bigint IDENTITY(1,1) NOT NULL CONSTRAINT PK_FocalPointAssignments PRIMARY KEY,
    UserId        bigint    NOT NULL CONSTRAINT FK_FocalPointAssignments_User REFERENCES dbo.Users (Id),
    OfficeId      bigint    NOT NULL CONSTRAINT FK_FocalPointAssignments_Office REFERENCES dbo.Offices (Id),
    ValidFrom     date      NOT NULL,
    ValidUntil    date      NULL,
    CreatedAtUtc  datetime2 NOT NULL
);
CREATE INDEX IX_FocalPointAssignments_OfficeId ON dbo.FocalPointAssignments (OfficeId, ValidFrom);
CREATE INDEX IX_FocalPointAssignments_UserId ON dbo.FocalPointAssignments (UserId);

-- One row per command, whatever its outcome. No foreign keys: a rejected command may name nothing that exists.
CREATE TABLE dbo.AuditLog (
    Id             bigint IDENTITY(1,1) NOT NULL CONSTRAINT PK_AuditLog PRIMARY KEY,
    OccurredAtUtc  datetime2     NOT NULL,
    UserId         bigint        NULL,
    Username       nvarchar(100) NOT NULL,
    Action         varchar(100)  NOT NULL,
    OfficeId       bigint        NULL,
    EntityId       bigint        NULL,
    Outcome        varchar(20)   NOT NULL,
    Payload        nvarchar(max) NOT NULL,
    Detail         nvarchar(max) NULL
);
CREATE INDEX IX_AuditLog_OfficeId ON dbo.AuditLog (OfficeId, Id);
CREATE INDEX IX_AuditLog_OccurredAtUtc ON dbo.AuditLog (OccurredAtUtc);
