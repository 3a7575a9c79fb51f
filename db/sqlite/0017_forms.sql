-- Minutes keep what was typed: a closing of its own (several paragraphs, like the opening; NULL prints the standard
-- closing sentence), and a decision's lettered sub-items (ক) খ) … / a) b) …), in the order typed.
ALTER TABLE Meetings ADD COLUMN Closing TEXT NULL;

CREATE TABLE MeetingSubDecisions (
    MeetingId  INTEGER NOT NULL REFERENCES Meetings (Id),
    AgendaSeq  INTEGER NOT NULL,
    Seq        INTEGER NOT NULL,
    Text       TEXT    NOT NULL,
    PRIMARY KEY (MeetingId, AgendaSeq, Seq)
);
