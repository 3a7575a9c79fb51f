-- TreeVersions (0020) counted up: a change rolled back after a copy of the tree was read inside it left that copy
-- labelled with a number the next committed change reused, so the copy passed for the new tree. A random number
-- (64 bits) is not reused by a rolled-back change.
DROP TRIGGER TR_Offices_Tree_Insert;
DROP TRIGGER TR_Offices_Tree_Update;
DROP TRIGGER TR_Offices_Tree_Delete;
DROP TRIGGER TR_OfficePlacements_Tree_Insert;
DROP TRIGGER TR_OfficePlacements_Tree_Update;
DROP TRIGGER TR_OfficePlacements_Tree_Delete;
CREATE TRIGGER TR_Offices_Tree_Insert AFTER INSERT ON Offices BEGIN UPDATE TreeVersions SET Version = random() WHERE Id = 1; END;
CREATE TRIGGER TR_Offices_Tree_Update AFTER UPDATE ON Offices BEGIN UPDATE TreeVersions SET Version = random() WHERE Id = 1; END;
CREATE TRIGGER TR_Offices_Tree_Delete AFTER DELETE ON Offices BEGIN UPDATE TreeVersions SET Version = random() WHERE Id = 1; END;
CREATE TRIGGER TR_OfficePlacements_Tree_Insert AFTER INSERT ON OfficePlacements BEGIN UPDATE TreeVersions SET Version = random() WHERE Id = 1; END;
CREATE TRIGGER TR_OfficePlacements_Tree_Update AFTER UPDATE ON OfficePlacements BEGIN UPDATE TreeVersions SET Version = random() WHERE Id = 1; END;
CREATE TRIGGER TR_OfficePlacements_Tree_Delete AFTER DELETE ON OfficePlacements BEGIN UPDATE TreeVersions SET Version = random() WHERE Id = 1; END;
