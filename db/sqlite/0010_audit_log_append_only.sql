-- The audit log is append-only: no route changes it, and the database refuses to, whoever asks.
CREATE TRIGGER TR_AuditLog_NoUpdate BEFORE UPDATE ON AuditLog
BEGIN
    SELECT RAISE(ABORT, 'Audit rows are never changed.');
END;
CREATE TRIGGER TR_AuditLog_NoDelete BEFORE DELETE ON AuditLog
BEGIN
    SELECT RAISE(ABORT, 'Audit rows are never deleted.');
END;
