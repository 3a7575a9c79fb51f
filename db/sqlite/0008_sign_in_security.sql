-- Sign-in security (issue 12 items 3 and 4).
--
-- SecurityStamp: a random value every token and cookie carries from its sign-in; each request compares it with this
-- column. A password reset, a change of role, office or active flag writes a new one, so every token and cookie the
-- user holds stops working at once, on every node. Users existing before this script get a stamp here; tokens issued
-- before it carry none and are refused: everybody signs in once more after the upgrade.
ALTER TABLE Users ADD COLUMN SecurityStamp TEXT NOT NULL DEFAULT '';
UPDATE Users SET SecurityStamp = lower(hex(randomblob(16)));

-- Cookies ended by signing out, until they would have expired anyway: a copy of the cookie kept elsewhere is refused
-- (one row per sign-out; rows past ExpiresAtUtc are deleted by the next sign-out).
CREATE TABLE EndedSessions (
    SessionId     TEXT NOT NULL PRIMARY KEY,
    ExpiresAtUtc  TEXT NOT NULL
);

-- Failed sign-ins per key ('user:<lower-case username>' or 'address:<client IP>') within the current window, and the
-- lock-out they led to. In the database rather than in memory so that every node of a deployment sees the same count.
CREATE TABLE SignInFailures (
    FailureKey       TEXT    NOT NULL PRIMARY KEY,
    Failures         INTEGER NOT NULL,
    WindowStartUtc   TEXT    NOT NULL,
    LockedUntilUtc   TEXT    NULL
);
