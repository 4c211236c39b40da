import Foundation
import GRDB

/// Kith's embedded store: one SQLite file in WAL mode, its schema kept by ``migrator``.
///
/// Everything else reaches the store through the repository protocols, whose GRDB implementations
/// this type hands out; a PostgreSQL store for multi-user deployments can implement the same protocols.
public final class KithDatabase: Sendable {
    /// The file a command uses when no `--db` is given.
    public static let defaultPath = "kith.sqlite"

    /// The pool itself, for KithStore and the package's tests: everything else goes through a repository.
    package let writer: any DatabaseWriter

    /// Opens (creating if needed) the store at `path` and brings its schema up to date.
    public static func open(path: String) throws -> KithDatabase {
        var configuration = Configuration()
        configuration.prepareDatabase { db in
            // WAL is durable across application crashes at NORMAL; only a power cut can lose the last commit.
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            try db.execute(sql: "PRAGMA page_size = 16384")
            try db.execute(sql: "PRAGMA cache_size = -65536")
        }
        configuration.busyMode = .timeout(10)
        let pool = try DatabasePool(path: path, configuration: configuration)
        return try KithDatabase(pool)
    }

    /// A private in-memory store, for tests.
    public static func inMemory() throws -> KithDatabase {
        try KithDatabase(try DatabaseQueue())
    }

    public init(_ writer: any DatabaseWriter) throws {
        self.writer = writer
        try Self.migrator.migrate(writer)
    }

    /// Where sources and imports are stored and read.
    public var imports: any ImportRepository { GRDBImportRepository(writer: writer) }

    /// Where persons, the links between their records, reviewers' decisions and linkage runs are stored and read.
    public var linkage: any LinkageRepository { GRDBLinkageRepository(writer: writer) }

    /// Where vulnerability scores and recorded contacts are stored and read.
    public var outreach: any OutreachRepository { GRDBOutreachRepository(writer: writer) }

    /// Where accounts, sessions and API tokens are kept, and which residents an account's scope reaches.
    public var access: any AccessRepository { GRDBAccessRepository(writer: writer) }

    /// Where each person's profile is kept up to date, and contact lists are read from it with the latest scores.
    public var profiles: any ProfileRepository { GRDBProfileRepository(writer: writer) }

    /// Where the services and capacity directory (Open Referral UK) is kept: organisations, services, taxonomy terms.
    public var directory: any DirectoryRepository { GRDBDirectoryRepository(writer: writer) }

    /// Where referrals of residents to directory services and their steps are kept.
    public var referrals: any ReferralRepository { GRDBReferralRepository(writer: writer) }

    /// Where help requests, hubs, volunteers, their tasks and lead professionals are kept.
    public var help: any HelpRepository { GRDBHelpRepository(writer: writer) }

    /// Where areas, their boundaries, the postcode lookup and indicator figures are kept.
    public var places: any PlacesRepository { GRDBPlacesRepository(writer: writer) }

    /// The append-only audit trail: who viewed, searched, exported, imported or decided what, and when.
    public var audit: any AuditRepository { GRDBAuditRepository(writer: writer) }

    /// The schema, one migration per released change. A shipped migration is never edited.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: sources, imports and verbatim rows") { db in
            try db.execute(
                sql: """
                    CREATE TABLE source (
                        id INTEGER PRIMARY KEY,
                        name TEXT NOT NULL UNIQUE COLLATE NOCASE,
                        createdAt TEXT NOT NULL
                    );
                    CREATE TABLE fileImport (
                        id INTEGER PRIMARY KEY,
                        sourceId INTEGER NOT NULL REFERENCES source(id),
                        fileName TEXT NOT NULL,
                        sheetName TEXT,
                        fileSHA256 TEXT NOT NULL,
                        fileBytes INTEGER NOT NULL,
                        format TEXT NOT NULL,
                        encoding TEXT,
                        delimiter TEXT,
                        importedBy TEXT NOT NULL,
                        startedAt TEXT NOT NULL,
                        finishedAt TEXT NOT NULL,
                        status TEXT NOT NULL,
                        headerRowNumber INTEGER NOT NULL,
                        rowCount INTEGER NOT NULL,
                        columnCount INTEGER NOT NULL,
                        blankRowCount INTEGER NOT NULL,
                        raggedRowCount INTEGER NOT NULL,
                        preamble TEXT NOT NULL
                    );
                    CREATE INDEX fileImport_on_fileSHA256 ON fileImport(fileSHA256);
                    CREATE INDEX fileImport_on_sourceId ON fileImport(sourceId);
                    CREATE TABLE importColumn (
                        importId INTEGER NOT NULL REFERENCES fileImport(id),
                        position INTEGER NOT NULL,
                        letter TEXT NOT NULL,
                        header TEXT NOT NULL,
                        PRIMARY KEY (importId, position)
                    ) WITHOUT ROWID;
                    CREATE TABLE sourceRow (
                        id INTEGER PRIMARY KEY,
                        importId INTEGER NOT NULL REFERENCES fileImport(id),
                        rowNumber INTEGER NOT NULL,
                        cells TEXT NOT NULL
                    );
                    CREATE UNIQUE INDEX sourceRow_on_importId_rowNumber ON sourceRow(importId, rowNumber);
                    CREATE TABLE importFinding (
                        id INTEGER PRIMARY KEY,
                        importId INTEGER NOT NULL REFERENCES fileImport(id),
                        severity TEXT NOT NULL,
                        rowNumber INTEGER,
                        columnLetter TEXT,
                        message TEXT NOT NULL
                    );
                    CREATE INDEX importFinding_on_importId ON importFinding(importId);
                    -- Stored rows are what partners sent: they are never changed or deleted.
                    CREATE TRIGGER sourceRow_is_append_only_on_update BEFORE UPDATE ON sourceRow
                    BEGIN SELECT RAISE(ABORT, 'source rows are never changed'); END;
                    CREATE TRIGGER sourceRow_is_append_only_on_delete BEFORE DELETE ON sourceRow
                    BEGIN SELECT RAISE(ABORT, 'source rows are never deleted'); END;
                    """
            )
        }
        migrator.registerMigration("v2: column tags, normalised values and saved mappings") { db in
            try db.execute(
                sql: """
                    ALTER TABLE importColumn ADD COLUMN tag TEXT;
                    ALTER TABLE sourceRow ADD COLUMN normalised TEXT;
                    CREATE TABLE sourceMapping (
                        sourceId INTEGER PRIMARY KEY REFERENCES source(id),
                        mapping TEXT NOT NULL,
                        savedAt TEXT NOT NULL,
                        savedBy TEXT NOT NULL
                    );
                    """
            )
        }
        migrator.registerMigration("v3: persons, record links, review decisions and linkage runs") { db in
            try db.execute(
                sql: """
                    CREATE TABLE linkRun (
                        id INTEGER PRIMARY KEY,
                        startedAt TEXT NOT NULL,
                        finishedAt TEXT NOT NULL,
                        mode TEXT NOT NULL,
                        recordCount INTEGER NOT NULL,
                        newRecordCount INTEGER NOT NULL,
                        personCount INTEGER NOT NULL,
                        candidatePairs INTEGER NOT NULL,
                        autoLinks INTEGER NOT NULL,
                        reviewPairs INTEGER NOT NULL,
                        upperThreshold REAL NOT NULL,
                        lowerThreshold REAL NOT NULL,
                        lastSourceRowId INTEGER NOT NULL,
                        model TEXT NOT NULL,
                        report TEXT NOT NULL
                    );
                    CREATE TABLE person (
                        id TEXT PRIMARY KEY,
                        createdRunId INTEGER NOT NULL REFERENCES linkRun(id),
                        mergedInto TEXT REFERENCES person(id),
                        mergedRunId INTEGER,
                        CHECK (mergedInto <> id)
                    );
                    CREATE TABLE personRecord (
                        sourceRowId INTEGER PRIMARY KEY REFERENCES sourceRow(id),
                        personId TEXT NOT NULL REFERENCES person(id),
                        runId INTEGER NOT NULL
                    );
                    CREATE INDEX personRecord_on_personId ON personRecord(personId);
                    CREATE TABLE recordPair (
                        leftRowId INTEGER NOT NULL,
                        rightRowId INTEGER NOT NULL,
                        runId INTEGER NOT NULL,
                        matchProbability REAL NOT NULL,
                        matchWeight REAL NOT NULL,
                        decision TEXT NOT NULL,
                        evidence TEXT NOT NULL,
                        PRIMARY KEY (leftRowId, rightRowId),
                        CHECK (leftRowId < rightRowId)
                    ) WITHOUT ROWID;
                    CREATE INDEX recordPair_on_decision ON recordPair(decision);
                    CREATE INDEX recordPair_on_rightRowId ON recordPair(rightRowId);
                    CREATE TABLE linkDecision (
                        id INTEGER PRIMARY KEY,
                        leftRowId INTEGER NOT NULL,
                        rightRowId INTEGER NOT NULL,
                        verdict TEXT NOT NULL,
                        decidedBy TEXT NOT NULL,
                        decidedAt TEXT NOT NULL,
                        note TEXT,
                        CHECK (leftRowId < rightRowId)
                    );
                    CREATE INDEX linkDecision_on_leftRowId_rightRowId ON linkDecision(leftRowId, rightRowId);
                    -- A reviewer's decision is a record of who decided what and when: a later one supersedes it.
                    CREATE TRIGGER linkDecision_is_append_only_on_update BEFORE UPDATE ON linkDecision
                    BEGIN SELECT RAISE(ABORT, 'link decisions are never changed'); END;
                    CREATE TRIGGER linkDecision_is_append_only_on_delete BEFORE DELETE ON linkDecision
                    BEGIN SELECT RAISE(ABORT, 'link decisions are never deleted'); END;
                    CREATE TABLE linkSnapshot (
                        runId INTEGER PRIMARY KEY REFERENCES linkRun(id),
                        format INTEGER NOT NULL,
                        data BLOB NOT NULL
                    );
                    """
            )
        }
        migrator.registerMigration("v4: vulnerability scores, contacts and the audit trail") { db in
            try db.execute(
                sql: """
                    CREATE TABLE scoreRun (
                        id INTEGER PRIMARY KEY,
                        scoredAt TEXT NOT NULL,
                        scoredBy TEXT NOT NULL,
                        referenceDate TEXT NOT NULL,
                        matrixName TEXT NOT NULL,
                        matrixVersion TEXT NOT NULL,
                        matrixDigest TEXT NOT NULL,
                        linkRunId INTEGER REFERENCES linkRun(id),
                        personCount INTEGER NOT NULL,
                        householdCount INTEGER NOT NULL
                    );
                    CREATE TABLE personScore (
                        runId INTEGER NOT NULL REFERENCES scoreRun(id),
                        personId TEXT NOT NULL,
                        householdId TEXT,
                        cohort TEXT NOT NULL,
                        age INTEGER,
                        score INTEGER NOT NULL,
                        band TEXT NOT NULL,
                        reasons TEXT NOT NULL,
                        action TEXT NOT NULL,
                        PRIMARY KEY (runId, personId)
                    ) WITHOUT ROWID;
                    CREATE TABLE householdScore (
                        runId INTEGER NOT NULL REFERENCES scoreRun(id),
                        householdId TEXT NOT NULL,
                        memberCount INTEGER NOT NULL,
                        score INTEGER NOT NULL,
                        band TEXT NOT NULL,
                        reasons TEXT NOT NULL,
                        PRIMARY KEY (runId, householdId)
                    ) WITHOUT ROWID;
                    CREATE TABLE contact (
                        id INTEGER PRIMARY KEY,
                        personId TEXT NOT NULL REFERENCES person(id),
                        outcome TEXT NOT NULL,
                        contactedOn TEXT NOT NULL,
                        note TEXT,
                        recordedBy TEXT NOT NULL,
                        recordedAt TEXT NOT NULL
                    );
                    CREATE INDEX contact_on_personId ON contact(personId);
                    CREATE TABLE auditEvent (
                        id INTEGER PRIMARY KEY,
                        at TEXT NOT NULL,
                        actor TEXT NOT NULL,
                        action TEXT NOT NULL,
                        subject TEXT NOT NULL,
                        personCount INTEGER NOT NULL,
                        detail TEXT NOT NULL
                    );
                    -- Contacts and the audit trail are records of what happened: never changed, never deleted.
                    CREATE TRIGGER contact_is_append_only_on_update BEFORE UPDATE ON contact
                    BEGIN SELECT RAISE(ABORT, 'contacts are never changed'); END;
                    CREATE TRIGGER contact_is_append_only_on_delete BEFORE DELETE ON contact
                    BEGIN SELECT RAISE(ABORT, 'contacts are never deleted'); END;
                    CREATE TRIGGER auditEvent_is_append_only_on_update BEFORE UPDATE ON auditEvent
                    BEGIN SELECT RAISE(ABORT, 'the audit trail is never changed'); END;
                    CREATE TRIGGER auditEvent_is_append_only_on_delete BEFORE DELETE ON auditEvent
                    BEGIN SELECT RAISE(ABORT, 'the audit trail is never deleted'); END;
                    """
            )
        }
        migrator.registerMigration("v5: household members by score run") { db in
            try db.execute(sql: "CREATE INDEX personScore_on_runId_householdId ON personScore(runId, householdId)")
        }
        migrator.registerMigration("v6: accounts, sessions, API tokens, audited residents and access scopes") { db in
            try db.execute(
                sql: """
                    CREATE TABLE account (
                        id INTEGER PRIMARY KEY,
                        name TEXT NOT NULL UNIQUE COLLATE NOCASE,
                        role TEXT NOT NULL,
                        area TEXT,
                        organisation TEXT,
                        school TEXT,
                        passwordHash TEXT NOT NULL,
                        createdAt TEXT NOT NULL,
                        createdBy TEXT NOT NULL,
                        failedSignIns INTEGER NOT NULL DEFAULT 0,
                        lockedUntil TEXT,
                        lastSignInAt TEXT,
                        isDisabled INTEGER NOT NULL DEFAULT 0
                    );
                    CREATE TABLE webSession (
                        tokenDigest TEXT PRIMARY KEY,
                        accountId INTEGER NOT NULL REFERENCES account(id),
                        csrfToken TEXT NOT NULL,
                        createdAt TEXT NOT NULL,
                        lastSeenAt TEXT NOT NULL,
                        expiresAt TEXT NOT NULL
                    ) WITHOUT ROWID;
                    CREATE INDEX webSession_on_accountId ON webSession(accountId);
                    CREATE TABLE apiToken (
                        id INTEGER PRIMARY KEY,
                        label TEXT NOT NULL,
                        tokenDigest TEXT NOT NULL UNIQUE,
                        accountId INTEGER NOT NULL REFERENCES account(id),
                        createdAt TEXT NOT NULL,
                        createdBy TEXT NOT NULL,
                        expiresAt TEXT,
                        revokedAt TEXT
                    );
                    -- Which residents each audited action touched, so "who looked at this person" is one query.
                    CREATE TABLE auditPerson (
                        eventId INTEGER NOT NULL REFERENCES auditEvent(id),
                        personId TEXT NOT NULL,
                        PRIMARY KEY (eventId, personId)
                    ) WITHOUT ROWID;
                    CREATE INDEX auditPerson_on_personId ON auditPerson(personId);
                    CREATE TRIGGER auditPerson_is_append_only_on_update BEFORE UPDATE ON auditPerson
                    BEGIN SELECT RAISE(ABORT, 'the audit trail is never changed'); END;
                    CREATE TRIGGER auditPerson_is_append_only_on_delete BEFORE DELETE ON auditPerson
                    BEGIN SELECT RAISE(ABORT, 'the audit trail is never deleted'); END;
                    CREATE INDEX auditEvent_on_actor ON auditEvent(actor);
                    CREATE INDEX auditEvent_on_action ON auditEvent(action);
                    -- The VCS organisation a list belongs to: its partner accounts see the residents on it.
                    ALTER TABLE source ADD COLUMN organisation TEXT;
                    -- Where a person is, as scored: the scopes of caseworker and school accounts.
                    ALTER TABLE personScore ADD COLUMN area TEXT;
                    ALTER TABLE personScore ADD COLUMN school TEXT;
                    ALTER TABLE personScore ADD COLUMN schoolURN TEXT;
                    CREATE INDEX personScore_on_runId_area ON personScore(runId, area COLLATE NOCASE);
                    CREATE INDEX personScore_on_runId_school ON personScore(runId, school COLLATE NOCASE);
                    CREATE INDEX personScore_on_runId_schoolURN ON personScore(runId, schoolURN);
                    -- A person's band over time, for the person page.
                    CREATE INDEX personScore_on_personId ON personScore(personId);
                    """
            )
        }
        migrator.registerMigration("v7: person profiles kept up to date") { db in
            try db.execute(
                sql: """
                    -- Each person's profile as their rows, imports and contacts make it, rebuilt for the persons a link
                    -- run, an import or a contact changes, so that lists and pages read it instead of every row. A store
                    -- from before this migration builds it on first use (`profileState` has no row until then).
                    CREATE TABLE personProfile (
                        personId TEXT PRIMARY KEY,
                        onLatestList INTEGER NOT NULL,
                        hasOwnArea INTEGER NOT NULL,
                        area TEXT,
                        areaFromSchool INTEGER NOT NULL,
                        school TEXT,
                        schoolURN TEXT,
                        schoolKey TEXT,
                        lastContactDay INTEGER,
                        latestDay INTEGER,
                        isDeceased INTEGER NOT NULL,
                        doNotContact INTEGER NOT NULL,
                        hasMoved INTEGER NOT NULL,
                        rowCount INTEGER NOT NULL,
                        data BLOB NOT NULL
                    ) WITHOUT ROWID;
                    -- A contact list of an area reads these indexes alone, never the profiles themselves.
                    CREATE INDEX personProfile_on_area ON personProfile(
                        area COLLATE NOCASE, onLatestList, lastContactDay, latestDay, isDeceased, doNotContact, hasMoved
                    );
                    CREATE INDEX personProfile_on_school ON personProfile(
                        onLatestList, school, schoolURN, lastContactDay, latestDay, isDeceased, doNotContact, hasMoved
                    );
                    CREATE INDEX personProfile_without_own_area ON personProfile(hasOwnArea);
                    -- What the profiles were last brought up to date with: link run, import and contact.
                    CREATE TABLE profileState (
                        id INTEGER PRIMARY KEY CHECK (id = 1),
                        linkRunId INTEGER,
                        importId INTEGER,
                        contactId INTEGER
                    );
                    CREATE INDEX personRecord_on_runId ON personRecord(runId);
                    """
            )
        }
        migrator.registerMigration("v8: contact lists read in person id order") { db in
            try db.execute(
                sql: """
                    -- Everyone on a latest list with what contact lists filter and sort on, in person id order: the web
                    -- keeps every list's order in memory, read from this index and the run's scores side by side.
                    CREATE INDEX personProfile_for_lists ON personProfile(
                        onLatestList, personId, area, school, schoolURN, lastContactDay, latestDay, isDeceased, doNotContact, hasMoved
                    );
                    """
            )
        }
        migrator.registerMigration("v9: record pairs kept in order of their later row") { db in
            // Pairs found by an incremental run all hold a new row, the later of the two: keyed on that row first,
            // they are appended at the end of the table instead of scattered through it (a weekly list of 10,000
            // onto a million rows wrote 100 MB of pages, now 35 MB).
            try db.execute(
                sql: """
                    CREATE TABLE recordPairByLaterRow (
                        leftRowId INTEGER NOT NULL,
                        rightRowId INTEGER NOT NULL,
                        runId INTEGER NOT NULL,
                        matchProbability REAL NOT NULL,
                        matchWeight REAL NOT NULL,
                        decision TEXT NOT NULL,
                        evidence TEXT NOT NULL,
                        PRIMARY KEY (rightRowId, leftRowId),
                        CHECK (leftRowId < rightRowId)
                    ) WITHOUT ROWID;
                    INSERT INTO recordPairByLaterRow
                        SELECT leftRowId, rightRowId, runId, matchProbability, matchWeight, decision, evidence
                        FROM recordPair ORDER BY rightRowId, leftRowId;
                    DROP TABLE recordPair;
                    ALTER TABLE recordPairByLaterRow RENAME TO recordPair;
                    CREATE INDEX recordPair_on_decision ON recordPair(decision);
                    CREATE INDEX recordPair_on_leftRowId ON recordPair(leftRowId);
                    """
            )
        }
        migrator.registerMigration("v10: the services and capacity directory (Open Referral UK 3.0)") { db in
            try db.execute(
                sql: """
                    -- Each item is kept by its ORUK id (a UUID), so a feed imported again updates it in place. Each keeps
                    -- its whole ORUK JSON as it came, so an export gives it back exactly; the columns beside it are what
                    -- lists, filters and the one-step capacity update read and write.
                    CREATE TABLE organization (
                        id TEXT PRIMARY KEY,
                        name TEXT NOT NULL,
                        json TEXT NOT NULL,
                        storedAt TEXT NOT NULL
                    ) WITHOUT ROWID;
                    CREATE TABLE service (
                        id TEXT PRIMARY KEY,
                        organizationId TEXT NOT NULL REFERENCES organization(id),
                        name TEXT NOT NULL,
                        status TEXT NOT NULL,
                        lastModified TEXT,
                        assuredDate TEXT,
                        -- The capacity extension, kith_capacity (docs/directory-extensions.md).
                        acceptingReferrals TEXT CHECK (acceptingReferrals IN ('yes', 'waiting_list', 'no')),
                        placesFree INTEGER CHECK (placesFree >= 0),
                        typicalWaitDays INTEGER CHECK (typicalWaitDays >= 0),
                        capacityUpdatedAt TEXT,
                        capacityUpdatedBy TEXT,
                        json TEXT NOT NULL,
                        storedAt TEXT NOT NULL,
                        storedBy TEXT NOT NULL
                    ) WITHOUT ROWID;
                    CREATE INDEX service_on_organizationId ON service(organizationId);
                    CREATE INDEX service_on_name ON service(name, id);
                    CREATE TABLE taxonomyTerm (
                        id TEXT PRIMARY KEY,
                        term TEXT NOT NULL,
                        taxonomy TEXT,
                        json TEXT NOT NULL
                    ) WITHOUT ROWID;
                    CREATE TABLE serviceTaxonomyTerm (
                        serviceId TEXT NOT NULL REFERENCES service(id),
                        taxonomyTermId TEXT NOT NULL REFERENCES taxonomyTerm(id),
                        PRIMARY KEY (serviceId, taxonomyTermId)
                    ) WITHOUT ROWID;
                    CREATE INDEX serviceTaxonomyTerm_on_taxonomyTermId ON serviceTaxonomyTerm(taxonomyTermId, serviceId);
                    -- The postcodes of each service's locations, upper case with one space (E1 6AN), for search by place.
                    CREATE TABLE servicePostcode (
                        serviceId TEXT NOT NULL REFERENCES service(id),
                        postcode TEXT NOT NULL,
                        PRIMARY KEY (serviceId, postcode)
                    ) WITHOUT ROWID;
                    CREATE INDEX servicePostcode_on_postcode ON servicePostcode(postcode, serviceId);
                    """
            )
        }
        migrator.registerMigration("v11: postcode centroids and the directory's revision") { db in
            var sql = """
                -- Where each postcode is (its centroid, WGS 84), for the directory's search by distance. Postcodes as
                -- the store keeps them: upper case, one space before the inward code (E1 6AN).
                CREATE TABLE postcodeCentroid (
                    postcode TEXT PRIMARY KEY,
                    latitude REAL NOT NULL CHECK (latitude BETWEEN -90 AND 90),
                    longitude REAL NOT NULL CHECK (longitude BETWEEN -180 AND 180)
                ) WITHOUT ROWID;
                -- One row counting the directory's writes: the triggers below bump it on every insert, update and
                -- delete of what the directory shows, from any process, so that a reader holding the directory in
                -- memory knows with one small read whether it is still current.
                CREATE TABLE directoryRevision (
                    id INTEGER PRIMARY KEY CHECK (id = 1),
                    revision INTEGER NOT NULL
                );
                INSERT INTO directoryRevision (id, revision) VALUES (1, 0);

                """
            for table in ["service", "organization", "taxonomyTerm", "serviceTaxonomyTerm"] {
                for event in ["INSERT", "UPDATE", "DELETE"] {
                    sql += """
                        CREATE TRIGGER \(table)_\(event.lowercased())_bumps_directoryRevision AFTER \(event) ON \(table)
                        BEGIN UPDATE directoryRevision SET revision = revision + 1 WHERE id = 1; END;

                        """
                }
            }
            try db.execute(sql: sql)
        }
        migrator.registerMigration("v12: referrals and their steps") { db in
            try db.execute(
                sql: """
                    -- A referral of a resident to a directory service (Kith's own; ORUK has none). sharedDetails is all the
                    -- service's organisation sees of the resident; status is its latest step's, kept for lists.
                    CREATE TABLE referral (
                        id TEXT PRIMARY KEY,
                        personId TEXT NOT NULL REFERENCES person(id),
                        serviceId TEXT NOT NULL REFERENCES service(id),
                        organizationId TEXT NOT NULL,
                        organizationName TEXT NOT NULL,
                        need TEXT NOT NULL,
                        reason TEXT NOT NULL,
                        urgency TEXT NOT NULL CHECK (urgency IN ('urgent', 'soon', 'routine')),
                        consentGivenBy TEXT NOT NULL,
                        consentWay TEXT NOT NULL,
                        consentRecordedBy TEXT NOT NULL,
                        consentRecordedAt TEXT NOT NULL,
                        sharedDetails TEXT NOT NULL,
                        referredBy TEXT NOT NULL,
                        referredAt TEXT NOT NULL,
                        status TEXT NOT NULL CHECK (status IN ('sent', 'accepted', 'declined', 'completed', 'withdrawn'))
                    ) WITHOUT ROWID;
                    CREATE INDEX referral_on_personId ON referral(personId);
                    CREATE INDEX referral_on_serviceId ON referral(serviceId);
                    CREATE INDEX referral_on_organizationId ON referral(organizationId);
                    CREATE INDEX referral_on_organizationName ON referral(organizationName COLLATE NOCASE);
                    CREATE INDEX referral_on_referredBy ON referral(referredBy);
                    CREATE TABLE referralStep (
                        id INTEGER PRIMARY KEY,
                        referralId TEXT NOT NULL REFERENCES referral(id),
                        status TEXT NOT NULL,
                        at TEXT NOT NULL,
                        by TEXT NOT NULL,
                        note TEXT
                    );
                    CREATE INDEX referralStep_on_referralId ON referralStep(referralId, at);
                    -- A step is a record of what happened: never changed, never deleted; nor is a referral.
                    CREATE TRIGGER referralStep_is_append_only_on_update BEFORE UPDATE ON referralStep
                    BEGIN SELECT RAISE(ABORT, 'referral steps are never changed'); END;
                    CREATE TRIGGER referralStep_is_append_only_on_delete BEFORE DELETE ON referralStep
                    BEGIN SELECT RAISE(ABORT, 'referral steps are never deleted'); END;
                    CREATE TRIGGER referral_is_never_deleted BEFORE DELETE ON referral
                    BEGIN SELECT RAISE(ABORT, 'referrals are never deleted'); END;
                    """
            )
        }
        migrator.registerMigration("v13: callback requests and the directory's outbox") { db in
            try db.execute(
                sql: """
                    -- A resident's name and number, left on the public directory for a service to ring back. Closed
                    -- requests keep their outcome; the service's queue reads the open ones, oldest first.
                    CREATE TABLE callbackRequest (
                        id INTEGER PRIMARY KEY,
                        serviceId TEXT NOT NULL REFERENCES service(id),
                        name TEXT NOT NULL,
                        phone TEXT NOT NULL,
                        bestTime TEXT,
                        need TEXT,
                        requestedAt TEXT NOT NULL,
                        closedAt TEXT,
                        closedBy TEXT,
                        outcome TEXT
                    );
                    CREATE INDEX callbackRequest_on_serviceId ON callbackRequest(serviceId, requestedAt);
                    -- Messages to organisations (the 30-day nudge), kept after they are sent so that an organisation is
                    -- not nudged again within a week.
                    CREATE TABLE directoryNotice (
                        id INTEGER PRIMARY KEY,
                        organizationId TEXT NOT NULL REFERENCES organization(id),
                        recipient TEXT NOT NULL,
                        subject TEXT NOT NULL,
                        body TEXT NOT NULL,
                        createdAt TEXT NOT NULL,
                        sentAt TEXT,
                        attempts INTEGER NOT NULL DEFAULT 0,
                        lastError TEXT
                    );
                    CREATE INDEX directoryNotice_on_organizationId ON directoryNotice(organizationId, createdAt);
                    """
            )
        }
        migrator.registerMigration("v14: help requests, hubs, the volunteer bureau and lead professionals") { db in
            try db.execute(
                sql: """
                    -- Neighbourhood hubs and named teams; areas are postcode districts or area names, comma-separated.
                    CREATE TABLE hub (
                        id TEXT PRIMARY KEY,
                        name TEXT NOT NULL,
                        kind TEXT NOT NULL CHECK (kind IN ('hub', 'team')),
                        areas TEXT NOT NULL,
                        urgentPickupMinutes INTEGER NOT NULL CHECK (urgentPickupMinutes > 0)
                    ) WITHOUT ROWID;
                    -- A request for help. personId is set when the call handler found the resident; a new caller is
                    -- placed by linkage through firstRowId, their row in the helpline's own list.
                    CREATE TABLE helpRequest (
                        id INTEGER PRIMARY KEY,
                        personId TEXT REFERENCES person(id),
                        firstRowId INTEGER REFERENCES sourceRow(id),
                        callerName TEXT NOT NULL,
                        phone TEXT,
                        email TEXT,
                        address TEXT,
                        postcode TEXT,
                        area TEXT,
                        hubId TEXT REFERENCES hub(id),
                        needs TEXT NOT NULL,
                        urgency TEXT NOT NULL CHECK (urgency IN ('today', 'within-3-days', 'this-week')),
                        details TEXT,
                        dietaryNeeds TEXT,
                        culturalPreferences TEXT,
                        language TEXT,
                        contactBy TEXT NOT NULL,
                        consentToShare INTEGER NOT NULL,
                        channel TEXT NOT NULL,
                        status TEXT NOT NULL CHECK (status IN ('to-do', 'in-progress', 'blocked', 'done', 'cancelled')),
                        assignedTo TEXT,
                        dueOn TEXT NOT NULL,
                        callBackOn TEXT,
                        createdAt TEXT NOT NULL,
                        createdBy TEXT NOT NULL,
                        firstContactAt TEXT,
                        closedAt TEXT,
                        updatedAt TEXT NOT NULL,
                        -- Counts changes: a writer that read an older revision is told someone changed it meanwhile.
                        revision INTEGER NOT NULL DEFAULT 0
                    );
                    -- A hub's queue by status: the open few are sorted most pressing first; the done and cancelled,
                    -- tens of thousands in a busy hub's history, are read newest first from this index, a page at a time.
                    CREATE INDEX helpRequest_queue ON helpRequest(hubId, status, id);
                    CREATE INDEX helpRequest_on_personId ON helpRequest(personId);
                    CREATE INDEX helpRequest_on_firstRowId ON helpRequest(firstRowId);
                    CREATE INDEX helpRequest_on_assignedTo ON helpRequest(assignedTo, status);
                    CREATE INDEX helpRequest_on_createdAt ON helpRequest(createdAt);
                    CREATE TABLE helpRequestNote (
                        id INTEGER PRIMARY KEY,
                        requestId INTEGER NOT NULL REFERENCES helpRequest(id),
                        at TEXT NOT NULL,
                        by TEXT NOT NULL,
                        kind TEXT NOT NULL,
                        text TEXT NOT NULL
                    );
                    CREATE INDEX helpRequestNote_on_requestId ON helpRequestNote(requestId, id);
                    CREATE TRIGGER helpRequestNote_is_append_only_on_update BEFORE UPDATE ON helpRequestNote
                    BEGIN SELECT RAISE(ABORT, 'request notes are never changed'); END;
                    CREATE TRIGGER helpRequestNote_is_append_only_on_delete BEFORE DELETE ON helpRequestNote
                    BEGIN SELECT RAISE(ABORT, 'request notes are never deleted'); END;
                    CREATE TRIGGER helpRequest_is_never_deleted BEFORE DELETE ON helpRequest
                    BEGIN SELECT RAISE(ABORT, 'help requests are never deleted'); END;
                    CREATE TABLE volunteer (
                        id INTEGER PRIMARY KEY,
                        name TEXT NOT NULL,
                        phone TEXT,
                        email TEXT,
                        postcode TEXT NOT NULL,
                        latitude REAL,
                        longitude REAL,
                        travelMetres REAL NOT NULL,
                        offers TEXT NOT NULL,
                        slots TEXT NOT NULL,
                        languages TEXT NOT NULL,
                        drives INTEGER NOT NULL,
                        skills TEXT,
                        experience TEXT,
                        "references" TEXT,
                        dbsLevel TEXT CHECK (dbsLevel IN ('basic', 'standard', 'enhanced', 'enhanced-barred')),
                        dbsNumber TEXT,
                        dbsValidUntil TEXT,
                        dbsVerifiedBy TEXT,
                        inductionDone INTEGER NOT NULL DEFAULT 0,
                        status TEXT NOT NULL CHECK (status IN ('applied', 'verified', 'active', 'paused', 'left')),
                        appliedAt TEXT NOT NULL,
                        updatedAt TEXT NOT NULL
                    );
                    CREATE INDEX volunteer_on_status ON volunteer(status);
                    -- Counts the bureau's changes, so that a reader holding the volunteers in memory for matching knows
                    -- with one small read whether they are still current (as directoryRevision does for the directory).
                    CREATE TABLE volunteerRevision (id INTEGER PRIMARY KEY CHECK (id = 1), revision INTEGER NOT NULL);
                    INSERT INTO volunteerRevision (id, revision) VALUES (1, 0);
                    CREATE TRIGGER volunteer_insert_bumps_volunteerRevision AFTER INSERT ON volunteer
                    BEGIN UPDATE volunteerRevision SET revision = revision + 1 WHERE id = 1; END;
                    CREATE TRIGGER volunteer_update_bumps_volunteerRevision AFTER UPDATE ON volunteer
                    BEGIN UPDATE volunteerRevision SET revision = revision + 1 WHERE id = 1; END;
                    CREATE TRIGGER volunteer_delete_bumps_volunteerRevision AFTER DELETE ON volunteer
                    BEGIN UPDATE volunteerRevision SET revision = revision + 1 WHERE id = 1; END;
                    CREATE TABLE volunteerTask (
                        id INTEGER PRIMARY KEY,
                        requestId INTEGER NOT NULL REFERENCES helpRequest(id),
                        volunteerId INTEGER NOT NULL REFERENCES volunteer(id),
                        need TEXT NOT NULL,
                        status TEXT NOT NULL CHECK (status IN ('assigned', 'contacted', 'confirmed', 'completed', 'cancelled')),
                        assignedAt TEXT NOT NULL,
                        assignedBy TEXT NOT NULL,
                        updatedAt TEXT NOT NULL,
                        hours REAL,
                        note TEXT
                    );
                    CREATE INDEX volunteerTask_on_volunteerId ON volunteerTask(volunteerId, status);
                    -- A volunteer's load is their open tasks: counted for every ranking, over this small index of the
                    -- few tasks still open rather than the bureau's whole history.
                    CREATE INDEX volunteerTask_open ON volunteerTask(volunteerId) WHERE status IN ('assigned', 'contacted', 'confirmed');
                    CREATE INDEX volunteerTask_on_requestId ON volunteerTask(requestId);
                    -- A volunteer signs in as an account tied to their bureau record: it reaches only their tasks.
                    ALTER TABLE account ADD COLUMN volunteerId INTEGER REFERENCES volunteer(id);
                    CREATE TABLE leadProfessional (
                        personId TEXT PRIMARY KEY REFERENCES person(id),
                        worker TEXT NOT NULL,
                        team TEXT,
                        nextContactOn TEXT,
                        assignedAt TEXT NOT NULL,
                        assignedBy TEXT NOT NULL
                    ) WITHOUT ROWID;
                    CREATE INDEX leadProfessional_on_worker ON leadProfessional(worker, nextContactOn);
                    """
            )
        }
        migrator.registerMigration("v15: places, the postcode lookup and indicators") { db in
            try db.execute(
                sql: """
                    -- Areas at any level (neighbourhood, ward, LSOA, hub area…), each with the area it sits in and its
                    -- outline as the GeoJSON geometry it was loaded from (read whole to draw a map, never queried).
                    CREATE TABLE area (
                        code TEXT PRIMARY KEY,
                        name TEXT NOT NULL,
                        level TEXT NOT NULL,
                        parentCode TEXT,
                        geometry TEXT
                    ) WITHOUT ROWID;
                    CREATE INDEX area_on_level ON area(level, code);
                    -- Which area of each level a postcode lies in, from an ONS Postcode Directory–style file: what
                    -- places every person, request and service by their postcode (normal form, `HY1 2AB`).
                    CREATE TABLE postcodeArea (
                        postcode TEXT NOT NULL,
                        level TEXT NOT NULL,
                        areaCode TEXT NOT NULL,
                        PRIMARY KEY (postcode, level)
                    ) WITHOUT ROWID;
                    CREATE INDEX postcodeArea_on_areaCode ON postcodeArea(areaCode);
                    -- An indicator and where it came from. project is set for a community insights project's shared
                    -- figures, which are kept apart from the council's own.
                    CREATE TABLE indicator (
                        id TEXT PRIMARY KEY,
                        name TEXT NOT NULL,
                        domain TEXT NOT NULL,
                        source TEXT,
                        date TEXT,
                        unit TEXT,
                        denominator TEXT,
                        higherIsMoreNeed INTEGER NOT NULL,
                        project TEXT,
                        file TEXT,
                        loadedAt TEXT NOT NULL,
                        loadedBy TEXT NOT NULL
                    ) WITHOUT ROWID;
                    -- One area's figure; a new table for an indicator replaces all of its figures in one transaction.
                    CREATE TABLE indicatorValue (
                        indicatorId TEXT NOT NULL REFERENCES indicator(id) ON DELETE CASCADE,
                        areaCode TEXT NOT NULL,
                        value REAL,
                        denominator REAL,
                        PRIMARY KEY (indicatorId, areaCode)
                    ) WITHOUT ROWID;
                    -- A person's postcode, so that areas can count the residents Kith knows. Profiles made before this
                    -- migration have none: forgetting the profiles' state has them all made again on first use.
                    ALTER TABLE personProfile ADD COLUMN postcode TEXT;
                    CREATE INDEX personProfile_on_postcode ON personProfile(postcode) WHERE postcode IS NOT NULL;
                    DELETE FROM profileState;
                    """
            )
        }
        migrator.registerMigration("v16: community insights projects") { db in
            try db.execute(
                sql: """
                    -- A community insights project: a question several organisations answer together with aggregate
                    -- figures by area (counts, never persons), and what the figures may be used for.
                    CREATE TABLE insightProject (
                        name TEXT PRIMARY KEY,
                        purpose TEXT NOT NULL,
                        createdAt TEXT NOT NULL,
                        createdBy TEXT NOT NULL
                    ) WITHOUT ROWID;
                    -- One organisation's figures for one measure of a project, stored as an indicator of its own
                    -- (indicatorId); contributions of the same measure are added up into the project's shared figure.
                    CREATE TABLE insightContribution (
                        indicatorId TEXT PRIMARY KEY REFERENCES indicator(id) ON DELETE CASCADE,
                        project TEXT NOT NULL REFERENCES insightProject(name),
                        contributor TEXT NOT NULL,
                        measure TEXT NOT NULL,
                        usageNote TEXT NOT NULL
                    ) WITHOUT ROWID;
                    CREATE INDEX insightContribution_on_project ON insightContribution(project, measure);
                    """
            )
        }
        return migrator
    }
}
