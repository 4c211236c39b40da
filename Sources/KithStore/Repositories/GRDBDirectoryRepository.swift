import GRDB

/// ``DirectoryRepository`` over Kith's SQLite store.
struct GRDBDirectoryRepository: DirectoryRepository {
    let writer: any DatabaseWriter

    func importDirectory(_ batch: DirectoryBatch, audit: (DirectoryWriteResult) -> AuditNote) throws -> DirectoryWriteResult {
        try writer.write { db in
            var result = DirectoryWriteResult()
            for organization in batch.organizations {
                let existed = try DirectoryOrganizationRecord.exists(db, key: organization.id)
                // `save` updates the row with this id in place, else inserts it; it never deletes, so nothing that
                // refers to the row is touched.
                try organization.save(db)
                if existed { result.updatedOrganizations += 1 } else { result.addedOrganizations += 1 }
            }
            for term in batch.taxonomyTerms {
                try term.save(db)
            }
            let deleteTerms = try db.cachedStatement(sql: "DELETE FROM serviceTaxonomyTerm WHERE serviceId = ?")
            let insertTerm = try db.cachedStatement(sql: "INSERT OR IGNORE INTO serviceTaxonomyTerm (serviceId, taxonomyTermId) VALUES (?, ?)")
            let deletePostcodes = try db.cachedStatement(sql: "DELETE FROM servicePostcode WHERE serviceId = ?")
            let insertPostcode = try db.cachedStatement(sql: "INSERT OR IGNORE INTO servicePostcode (serviceId, postcode) VALUES (?, ?)")
            for entry in batch.services {
                let id = entry.service.id
                let existed = try DirectoryServiceRecord.exists(db, key: id)
                try entry.service.save(db)
                if existed { result.updatedServiceIds.append(id) } else { result.addedServiceIds.append(id) }
                try deleteTerms.execute(arguments: [id])
                for termId in entry.taxonomyTermIds {
                    try insertTerm.execute(arguments: [id, termId])
                }
                try deletePostcodes.execute(arguments: [id])
                for postcode in entry.postcodes {
                    try insertPostcode.execute(arguments: [id, postcode])
                }
            }
            try GRDBAuditRepository.insert(audit(result), in: db)
            return result
        }
    }

    func services() throws -> [DirectoryServiceRecord] {
        try writer.read { db in try DirectoryServiceRecord.order(Column("name"), Column("id")).fetchAll(db) }
    }

    func service(id: String) throws -> DirectoryServiceRecord? {
        try writer.read { db in try DirectoryServiceRecord.fetchOne(db, key: id) }
    }

    func serviceCount() throws -> Int {
        try writer.read { db in try DirectoryServiceRecord.fetchCount(db) }
    }

    func organizations() throws -> [DirectoryOrganizationRecord] {
        try writer.read { db in try DirectoryOrganizationRecord.order(Column("name"), Column("id")).fetchAll(db) }
    }

    func taxonomyTerms() throws -> [DirectoryTaxonomyTermRecord] {
        try writer.read { db in try DirectoryTaxonomyTermRecord.order(Column("term"), Column("id")).fetchAll(db) }
    }

    func taxonomyTermIds(ofService serviceId: String) throws -> [String] {
        try writer.read { db in
            try String.fetchAll(
                db, sql: "SELECT taxonomyTermId FROM serviceTaxonomyTerm WHERE serviceId = ? ORDER BY taxonomyTermId", arguments: [serviceId])
        }
    }

    func postcodes(ofService serviceId: String) throws -> [String] {
        try writer.read { db in
            try String.fetchAll(db, sql: "SELECT postcode FROM servicePostcode WHERE serviceId = ? ORDER BY postcode", arguments: [serviceId])
        }
    }

    func listing() throws -> [DirectoryListing] {
        try writer.read { db in
            let services = try DirectoryServiceRecord.order(Column("name"), Column("id")).fetchAll(db)
            var organizationNames: [String: String] = [:]
            let rows = try Row.fetchCursor(db, sql: "SELECT id, name FROM organization")
            while let row = try rows.next() {
                organizationNames[row["id"]] = row["name"]
            }
            return services.map { DirectoryListing(service: $0, organizationName: organizationNames[$0.organizationId] ?? "") }
        }
    }

    func organization(id: String) throws -> DirectoryOrganizationRecord? {
        try writer.read { db in try DirectoryOrganizationRecord.fetchOne(db, key: id) }
    }

    func updateService(_ record: DirectoryServiceRecord, audit: AuditNote) throws -> Bool {
        try writer.write { db in
            guard try DirectoryServiceRecord.exists(db, key: record.id) else { return false }
            try record.update(db)
            try GRDBAuditRepository.insert(audit, in: db)
            return true
        }
    }

    func addCallback(_ callback: CallbackRecord, audit: (CallbackRecord) -> AuditNote) throws -> CallbackRecord {
        try writer.write { db in
            var callback = callback
            try callback.insert(db)
            try GRDBAuditRepository.insert(audit(callback), in: db)
            return callback
        }
    }

    func callbackCount(toService serviceId: String, since time: String) throws -> Int {
        try writer.read { db in
            try CallbackRecord.filter(Column("serviceId") == serviceId && Column("requestedAt") >= time).fetchCount(db)
        }
    }

    func callbacks(toServices serviceIds: [String]?, openOnly: Bool) throws -> [CallbackRecord] {
        try writer.read { db in
            var request = CallbackRecord.all()
            if let serviceIds { request = request.filter(serviceIds.contains(Column("serviceId"))) }
            if openOnly { request = request.filter(Column("closedAt") == nil) }
            return try request.order(Column("requestedAt"), Column("id")).fetchAll(db)
        }
    }

    func callback(id: Int64) throws -> CallbackRecord? {
        try writer.read { db in try CallbackRecord.fetchOne(db, key: id) }
    }

    func closeCallback(id: Int64, at time: String, by actor: String, outcome: String, audit: AuditNote) throws -> Bool {
        try writer.write { db in
            try db.execute(
                sql: "UPDATE callbackRequest SET closedAt = ?, closedBy = ?, outcome = ? WHERE id = ? AND closedAt IS NULL",
                arguments: [time, actor, outcome, id])
            guard db.changesCount == 1 else { return false }
            try GRDBAuditRepository.insert(audit, in: db)
            return true
        }
    }

    func queueNotices(_ notices: [DirectoryNotice]) throws -> [DirectoryNotice] {
        try writer.write { db in
            try notices.map { notice in
                var notice = notice
                try notice.insert(db)
                return notice
            }
        }
    }

    func notices(unsentOnly: Bool) throws -> [DirectoryNotice] {
        try writer.read { db in
            var request = DirectoryNotice.all()
            if unsentOnly { request = request.filter(Column("sentAt") == nil) }
            return try request.order(Column("createdAt").desc, Column("id").desc).fetchAll(db)
        }
    }

    func latestNoticeTimes() throws -> [String: String] {
        try writer.read { db in
            var times: [String: String] = [:]
            let rows = try Row.fetchCursor(db, sql: "SELECT organizationId, MAX(createdAt) FROM directoryNotice GROUP BY organizationId")
            while let row = try rows.next() { times[row[0]] = row[1] }
            return times
        }
    }

    func recordSending(ofNotice id: Int64, sentAt: String?, error: String?) throws {
        try writer.write { db in
            try db.execute(
                sql: "UPDATE directoryNotice SET sentAt = ?, lastError = ?, attempts = attempts + 1 WHERE id = ?", arguments: [sentAt, error, id])
        }
    }

    func storePostcodeCentroids(_ centroids: [PostcodeCentroidRecord]) throws -> Int {
        try writer.write { db in
            for centroid in centroids {
                try centroid.save(db)
            }
            // Centroids have no trigger: a national file has 2.7 million rows, and one bump says as much.
            try db.execute(sql: "UPDATE directoryRevision SET revision = revision + 1 WHERE id = 1")
            return centroids.count
        }
    }

    func postcodeCentroid(_ postcode: String) throws -> PostcodeCentroidRecord? {
        try writer.read { db in try PostcodeCentroidRecord.fetchOne(db, key: postcode) }
    }

    func postcodeCentroids() throws -> [PostcodeCentroidRecord] {
        try writer.read { db in try PostcodeCentroidRecord.order(Column("postcode")).fetchAll(db) }
    }

    func directoryRevision() throws -> Int64 {
        try writer.read { db in try Int64.fetchOne(db, sql: "SELECT revision FROM directoryRevision WHERE id = 1") ?? 0 }
    }
}
