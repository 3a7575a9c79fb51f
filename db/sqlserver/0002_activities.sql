-- What focal points record each quarter: charter updates, meetings (with minutes data and follow-ups),
-- trainings, reports, and the evidence files behind them. Every record names the office, fiscal year and
-- quarter it counts for; RecordedOn is the calendar day (deployment zone) it was first recorded, which decides
-- Done or Late against the due date.

CREATE TABLE dbo.EvidenceFiles (
    Id                bigint IDENTITY(1,1) NOT NULL CONSTRAINT PK_EvidenceFiles PRIMARY KEY,
    OfficeId          bigint NULL CONSTRAINT FK_EvidenceFiles_OfficeId REFERENCES dbo.Offices (Id),
    FileName          nvarchar(300)    NOT NULL,
    ContentType       varchar(200)    NOT NULL,
    Size              bigint NOT NULL,
    Sha256            char(64)    NOT NULL,
    EvidenceDate      date    NOT NULL,
    UploadedByUserId  bigint NULL,
    UploadedBy        nvarchar(300)    NOT NULL,
    UploadedAtUtc     datetime2    NOT NULL
);
CREATE INDEX IX_EvidenceFiles_Sha256 ON dbo.EvidenceFiles (Sha256);

CREATE TABLE dbo.CharterUpdates (
    Id               bigint IDENTITY(1,1) NOT NULL CONSTRAINT PK_CharterUpdates PRIMARY KEY,
    OfficeId         bigint NOT NULL CONSTRAINT FK_CharterUpdates_OfficeId REFERENCES dbo.Offices (Id),
    FiscalYear       varchar(9)    NOT NULL,
    Quarter          int NOT NULL,
    UpdatedOn        date    NOT NULL,
    PortalReference  nvarchar(300)    NULL,
    HasEvidence      bit NOT NULL,
    Notes            nvarchar(max)    NULL,
    RecordedOn       date    NOT NULL,
    BackFilled       bit NOT NULL CONSTRAINT DF_CharterUpdates_BackFilled DEFAULT 0,
    Version          int NOT NULL CONSTRAINT DF_CharterUpdates_Version DEFAULT 1,
    WithdrawnAtUtc   datetime2    NULL,
    WithdrawnReason  nvarchar(max)    NULL,
    CreatedBy        nvarchar(300)    NOT NULL,
    CreatedAtUtc     datetime2    NOT NULL,
    UpdatedAtUtc     datetime2    NOT NULL
);
CREATE INDEX IX_CharterUpdates_Period ON dbo.CharterUpdates (FiscalYear, Quarter, OfficeId);
CREATE INDEX IX_CharterUpdates_OfficeId ON dbo.CharterUpdates (OfficeId, FiscalYear);

CREATE TABLE dbo.Meetings (
    Id                    bigint IDENTITY(1,1) NOT NULL CONSTRAINT PK_Meetings PRIMARY KEY,
    OfficeId              bigint NOT NULL CONSTRAINT FK_Meetings_OfficeId REFERENCES dbo.Offices (Id),
    Kind                  varchar(40)    NOT NULL,
    FiscalYear            varchar(9)    NOT NULL,
    Quarter               int NOT NULL,
    Title                 nvarchar(500)    NULL,
    HeldOn                date    NOT NULL,
    StartTime             time(0)    NOT NULL,
    Venue                 nvarchar(500)    NOT NULL,
    ChairName             nvarchar(500)    NOT NULL,
    ChairDesignation      nvarchar(500)    NOT NULL,
    Opening               nvarchar(max)    NULL,
    MemoNumber            varchar(60)    NULL,
    IssuedOn              date    NULL,
    SignatoryName         nvarchar(500)    NULL,
    SignatoryDesignation  nvarchar(500)    NULL,
    HasEvidence           bit NOT NULL,
    RecordedOn            date    NOT NULL,
    BackFilled            bit NOT NULL CONSTRAINT DF_Meetings_BackFilled DEFAULT 0,
    Version               int NOT NULL CONSTRAINT DF_Meetings_Version DEFAULT 1,
    WithdrawnAtUtc        datetime2    NULL,
    WithdrawnReason       nvarchar(max)    NULL,
    CreatedBy             nvarchar(300)    NOT NULL,
    CreatedAtUtc          datetime2    NOT NULL,
    UpdatedAtUtc          datetime2    NOT NULL
);
CREATE INDEX IX_Meetings_Period ON dbo.Meetings (FiscalYear, Quarter, OfficeId);
CREATE INDEX IX_Meetings_OfficeId ON dbo.Meetings (OfficeId, HeldOn);

-- Annex 'ক': who was invited, who attended.
CREATE TABLE dbo.MeetingAttendees (
    MeetingId    bigint NOT NULL CONSTRAINT FK_MeetingAttendees_MeetingId REFERENCES dbo.Meetings (Id),
    Seq          int NOT NULL,
    Name         nvarchar(500)    NOT NULL,
    Designation  nvarchar(500)    NOT NULL,
    Office       nvarchar(500)    NOT NULL,
    Attended     bit NOT NULL,
    CONSTRAINT PK_MeetingAttendees PRIMARY KEY (MeetingId, Seq)
);

CREATE TABLE dbo.MeetingAgendaItems (
    MeetingId   bigint NOT NULL CONSTRAINT FK_MeetingAgendaItems_MeetingId REFERENCES dbo.Meetings (Id),
    Seq         int NOT NULL,
    Discussion  nvarchar(max)    NOT NULL,
    Decision    nvarchar(max)    NOT NULL,
    CONSTRAINT PK_MeetingAgendaItems PRIMARY KEY (MeetingId, Seq)
);

CREATE TABLE dbo.MeetingDistribution (
    MeetingId  bigint NOT NULL CONSTRAINT FK_MeetingDistribution_MeetingId REFERENCES dbo.Meetings (Id),
    Seq        int NOT NULL,
    Recipient  nvarchar(500)    NOT NULL,
    CONSTRAINT PK_MeetingDistribution PRIMARY KEY (MeetingId, Seq)
);

-- A decision that someone must carry out: open until done; overdue is open past its due date.
CREATE TABLE dbo.FollowUps (
    Id             bigint IDENTITY(1,1) NOT NULL CONSTRAINT PK_FollowUps PRIMARY KEY,
    MeetingId      bigint NOT NULL CONSTRAINT FK_FollowUps_MeetingId REFERENCES dbo.Meetings (Id),
    AgendaSeq      int NOT NULL,
    Action         nvarchar(max)    NOT NULL,
    OwnerOfficeId  bigint NOT NULL CONSTRAINT FK_FollowUps_OwnerOfficeId REFERENCES dbo.Offices (Id),
    DueOn          date    NOT NULL,
    Status         varchar(40)    NOT NULL,
    DoneOn         date    NULL,
    DoneNote       nvarchar(max)    NULL,
    CreatedAtUtc   datetime2    NOT NULL
);
CREATE INDEX IX_FollowUps_MeetingId ON dbo.FollowUps (MeetingId);
CREATE INDEX IX_FollowUps_Owner ON dbo.FollowUps (OwnerOfficeId, Status);

CREATE TABLE dbo.Trainings (
    Id                  bigint IDENTITY(1,1) NOT NULL CONSTRAINT PK_Trainings PRIMARY KEY,
    OfficeId            bigint NOT NULL CONSTRAINT FK_Trainings_OfficeId REFERENCES dbo.Offices (Id),
    Kind                varchar(40)    NOT NULL,
    FiscalYear          varchar(9)    NOT NULL,
    Quarter             int NOT NULL,
    HeldOn              date    NOT NULL,
    Title               nvarchar(500)    NOT NULL,
    Participants        int NOT NULL,
    OfficesRepresented  nvarchar(max)    NULL,
    HasEvidence         bit NOT NULL,
    RecordedOn          date    NOT NULL,
    BackFilled          bit NOT NULL CONSTRAINT DF_Trainings_BackFilled DEFAULT 0,
    Version             int NOT NULL CONSTRAINT DF_Trainings_Version DEFAULT 1,
    WithdrawnAtUtc      datetime2    NULL,
    WithdrawnReason     nvarchar(max)    NULL,
    CreatedBy           nvarchar(300)    NOT NULL,
    CreatedAtUtc        datetime2    NOT NULL,
    UpdatedAtUtc        datetime2    NOT NULL
);
CREATE INDEX IX_Trainings_Period ON dbo.Trainings (FiscalYear, Quarter, OfficeId);

CREATE TABLE dbo.Reports (
    Id                 bigint IDENTITY(1,1) NOT NULL CONSTRAINT PK_Reports PRIMARY KEY,
    OfficeId           bigint NOT NULL CONSTRAINT FK_Reports_OfficeId REFERENCES dbo.Offices (Id),
    Kind               varchar(40)    NOT NULL,
    FiscalYear         varchar(9)    NOT NULL,
    Quarter            int NULL,
    SubmittedOn        date    NOT NULL,
    SubmittedToOfficeId bigint NULL CONSTRAINT FK_Reports_SubmittedToOfficeId REFERENCES dbo.Offices (Id),
    Notes              nvarchar(max)    NULL,
    HasEvidence        bit NOT NULL,
    RecordedOn         date    NOT NULL,
    BackFilled         bit NOT NULL CONSTRAINT DF_Reports_BackFilled DEFAULT 0,
    Version            int NOT NULL CONSTRAINT DF_Reports_Version DEFAULT 1,
    WithdrawnAtUtc     datetime2    NULL,
    WithdrawnReason    nvarchar(max)    NULL,
    CreatedBy          nvarchar(300)    NOT NULL,
    CreatedAtUtc       datetime2    NOT NULL,
    UpdatedAtUtc       datetime2    NOT NULL
);
CREATE INDEX IX_Reports_Period ON dbo.Reports (FiscalYear, Quarter, OfficeId);

-- Which evidence files back which record.
CREATE TABLE dbo.RecordEvidence (
    RecordKind  varchar(40)    NOT NULL,
    RecordId    bigint NOT NULL,
    EvidenceId  bigint NOT NULL CONSTRAINT FK_RecordEvidence_EvidenceId REFERENCES dbo.EvidenceFiles (Id),
    CONSTRAINT PK_RecordEvidence PRIMARY KEY (RecordKind, RecordId, EvidenceId)
);
CREATE INDEX IX_RecordEvidence_EvidenceId ON dbo.RecordEvidence (EvidenceId);

-- Every version a record had: what it held before each edit or withdrawal, who changed it and when.
CREATE TABLE dbo.RecordHistory (
    Id            bigint IDENTITY(1,1) NOT NULL CONSTRAINT PK_RecordHistory PRIMARY KEY,
    RecordKind    varchar(40)    NOT NULL,
    RecordId      bigint NOT NULL,
    Version       int NOT NULL,
    Change        varchar(40)    NOT NULL,
    Snapshot      nvarchar(max)    NOT NULL,
    ChangedBy     nvarchar(300)    NOT NULL,
    ChangedAtUtc  datetime2    NOT NULL
);
CREATE INDEX IX_RecordHistory_Record ON dbo.RecordHistory (RecordKind, RecordId, Version);

