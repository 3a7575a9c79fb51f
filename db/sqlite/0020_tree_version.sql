-- A number that changes whenever the office tree does (an office or a placement inserted, changed or deleted), kept by
-- triggers whoever writes. A write's score refresh reads the tree from a copy held in memory (Offices/OfficeTreeCache)
-- and reads only this number to know that copy is current: one small read instead of walking the tree in SQL.
CREATE TABLE TreeVersions (
    Id      INTEGER NOT NULL PRIMARY KEY CHECK (Id = 1),
    Version INTEGER NOT NULL
);
INSERT INTO TreeVersions (Id, Version) VALUES (1, 1);

CREATE TRIGGER TR_Offices_Tree_Insert AFTER INSERT ON Offices BEGIN UPDATE TreeVersions SET Version = Version + 1 WHERE Id = 1; END;
CREATE TRIGGER TR_Offices_Tree_Update AFTER UPDATE ON Offices BEGIN UPDATE TreeVersions SET Version = Version + 1 WHERE Id = 1; END;
CREATE TRIGGER TR_Offices_Tree_Delete AFTER DELETE ON Offices BEGIN UPDATE TreeVersions SET Version = Version + 1 WHERE Id = 1; END;
CREATE TRIGGER TR_OfficePlacements_Tree_Insert AFTER INSERT ON OfficePlacements BEGIN UPDATE TreeVersions SET Version = Version + 1 WHERE Id = 1; END;
CREATE TRIGGER TR_OfficePlacements_Tree_Update AFTER UPDATE ON OfficePlacements BEGIN UPDATE TreeVersions SET Version = Version + 1 WHERE Id = 1; END;
CREATE TRIGGER TR_OfficePlacements_Tree_Delete AFTER DELETE ON OfficePlacements BEGIN UPDATE TreeVersions SET Version = Version + 1 WHERE Id = 1; END;
