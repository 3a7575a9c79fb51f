-- Minutes keep what was typed: a closing of its own (several paragraphs, like the opening; NULL prints the standard
-- closing sentence), and a decision's lettered sub-items (ক) খ) … / a) b) …), in the order typed.
ALTER TABLE dbo.Meetings ADD Closing nvarchar(max) NULL;

CREATE TABLE dbo.MeetingSubDecisions (
    MeetingId  bigint NOT NULL CONSTRAINT FK_MeetingSubDecisions_MeetingId REFERENCES dbo.Meetings (Id),
    AgendaSeq  int NOT NULL,
    Seq        int NOT NULL,
    Text       nvarchar(max) NOT NULL,
    CONSTRAINT PK_MeetingSubDecisions PRIMARY KEY (MeetingId, AgendaSeq, Seq)
);
