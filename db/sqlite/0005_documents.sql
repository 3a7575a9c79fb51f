-- Documents: the issuing unit printed under the ministry in the minutes' header (e.g. "সিপি-৩ শাখা"), and every
-- generated document with the hashes that identify it.

ALTER TABLE Meetings ADD COLUMN IssuingUnit TEXT NULL;

CREATE TABLE GeneratedDocuments (
    Id             INTEGER PRIMARY KEY,
    Kind           TEXT    NOT NULL,
    SubjectId      INTEGER NOT NULL,
    Period         TEXT    NOT NULL,
    Language       TEXT    NOT NULL,
    SourceVersion  TEXT    NOT NULL,
    HtmlSha256     TEXT    NOT NULL,
    PdfSha256      TEXT    NOT NULL,
    Size           INTEGER NOT NULL,
    GeneratedBy    TEXT    NOT NULL,
    GeneratedAtUtc TEXT    NOT NULL
);
CREATE INDEX IX_GeneratedDocuments_Subject ON GeneratedDocuments (Kind, SubjectId, Language, HtmlSha256);
