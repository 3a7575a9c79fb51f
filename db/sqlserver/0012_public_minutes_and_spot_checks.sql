-- Minutes a focal point marked for publication on the office's public page, and the monitoring committee's spot
-- checks: a quarter's sample of services drawn at random (seed stored, so the draw can be repeated) from the latest
-- published charters of the committee's subtree, each service's finding, and the monitoring report issued on them.

-- A row while the meeting's minutes are public; unmarking deletes it (the audit log keeps who did what when).
CREATE TABLE dbo.PublishedMinutes (
    MeetingId       bigint NOT NULL CONSTRAINT PK_PublishedMinutes PRIMARY KEY CONSTRAINT FK_PublishedMinutes_MeetingId REFERENCES dbo.Meetings (Id),
    OfficeId        bigint NOT NULL CONSTRAINT FK_PublishedMinutes_OfficeId REFERENCES dbo.Offices (Id),
    PublishedBy     nvarchar(300) NOT NULL,
    PublishedAtUtc  datetime2 NOT NULL
);
CREATE INDEX IX_PublishedMinutes_OfficeId ON dbo.PublishedMinutes (OfficeId);

CREATE TABLE dbo.SpotChecks (
    Id              bigint IDENTITY(1,1) NOT NULL CONSTRAINT PK_SpotChecks PRIMARY KEY,
    OfficeId        bigint NOT NULL CONSTRAINT FK_SpotChecks_OfficeId REFERENCES dbo.Offices (Id), -- the monitoring committee's office
    FiscalYear      varchar(9) NOT NULL,
    Quarter         int NOT NULL,
    SampleSize      int NOT NULL, -- as asked; fewer when the population is smaller
    Seed            bigint NOT NULL,
    Population      int NOT NULL, -- services in the charters drawn from
    DrawnOn         date NOT NULL,
    DrawnBy         nvarchar(300) NOT NULL,
    DrawnAtUtc      datetime2 NOT NULL,
    Notes           nvarchar(max) NULL, -- the report's notes
    MemoNumber      nvarchar(100) NULL, -- set when the report is issued
    IssuedOn        date NULL,
    IssuedBy        nvarchar(300) NULL,
    SignatoryName         nvarchar(300) NULL, -- who signs the report
    SignatoryDesignation  nvarchar(300) NULL,
    IssuedAtUtc     datetime2 NULL
);
CREATE INDEX IX_SpotChecks_Office ON dbo.SpotChecks (OfficeId, FiscalYear, Quarter);

-- The charter versions the draw read (the latest published of each office of the subtree at the time).
CREATE TABLE dbo.SpotCheckCharters (
    SpotCheckId       bigint NOT NULL CONSTRAINT FK_SpotCheckCharters_SpotCheckId REFERENCES dbo.SpotChecks (Id),
    CharterVersionId  bigint NOT NULL CONSTRAINT FK_SpotCheckCharters_CharterVersionId REFERENCES dbo.CharterVersions (Id),
    CONSTRAINT PK_SpotCheckCharters PRIMARY KEY (SpotCheckId, CharterVersionId)
);

-- One sampled service and what was found (null until checked).
CREATE TABLE dbo.SpotCheckItems (
    Id                    bigint IDENTITY(1,1) NOT NULL CONSTRAINT PK_SpotCheckItems PRIMARY KEY,
    SpotCheckId           bigint NOT NULL CONSTRAINT FK_SpotCheckItems_SpotCheckId REFERENCES dbo.SpotChecks (Id),
    Position              int NOT NULL,
    OfficeId              bigint NOT NULL CONSTRAINT FK_SpotCheckItems_OfficeId REFERENCES dbo.Offices (Id),
    CharterVersionId      bigint NOT NULL CONSTRAINT FK_SpotCheckItems_CharterVersionId REFERENCES dbo.CharterVersions (Id),
    ServiceId             bigint NOT NULL CONSTRAINT FK_SpotCheckItems_ServiceId REFERENCES dbo.CharterServiceIds (Id),
    CheckedOn             date NULL,
    WithinTimeLimit       bit NULL,
    FeeAsPublished        bit NULL,
    DocumentsAsPublished  bit NULL,
    Note                  nvarchar(max) NULL,
    HasEvidence           bit NOT NULL CONSTRAINT DF_SpotCheckItems_HasEvidence DEFAULT 0,
    RecordedBy            nvarchar(300) NULL,
    RecordedAtUtc         datetime2 NULL
);
CREATE UNIQUE INDEX UX_SpotCheckItems_Position ON dbo.SpotCheckItems (SpotCheckId, Position);
CREATE INDEX IX_SpotCheckItems_OfficeId ON dbo.SpotCheckItems (OfficeId);

CREATE TABLE dbo.SpotCheckItemEvidence (
    ItemId      bigint NOT NULL CONSTRAINT FK_SpotCheckItemEvidence_ItemId REFERENCES dbo.SpotCheckItems (Id),
    EvidenceId  bigint NOT NULL CONSTRAINT FK_SpotCheckItemEvidence_EvidenceId REFERENCES dbo.EvidenceFiles (Id),
    CONSTRAINT PK_SpotCheckItemEvidence PRIMARY KEY (ItemId, EvidenceId)
);
