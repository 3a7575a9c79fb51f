-- Documents: the issuing unit printed under the ministry in the minutes' header (e.g. "সিপি-৩ শাখা"), and every
-- generated document with the hashes that identify it.

ALTER TABLE dbo.Meetings ADD IssuingUnit nvarchar(300) NULL;
GO

CREATE TABLE dbo.GeneratedDocuments (
    Id             bigint IDENTITY(1,1) NOT NULL CONSTRAINT PK_GeneratedDocuments PRIMARY KEY,
    Kind           varchar(40)   NOT NULL,
    SubjectId      bigint        NOT NULL,
    Period         varchar(20)   NOT NULL,
    Language       varchar(5)    NOT NULL,
    SourceVersion  varchar(100)  NOT NULL,
    HtmlSha256     char(64)      NOT NULL,
    PdfSha256      char(64)      NOT NULL,
    Size           bigint        NOT NULL,
    GeneratedBy    nvarchar(300) NOT NULL,
    GeneratedAtUtc datetime2     NOT NULL
);
CREATE INDEX IX_GeneratedDocuments_Subject ON dbo.GeneratedDocuments (Kind, SubjectId, Language, HtmlSha256);
