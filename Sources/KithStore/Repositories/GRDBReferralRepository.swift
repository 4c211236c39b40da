import GRDB

/// ``ReferralRepository`` over Kith's SQLite store.
struct GRDBReferralRepository: ReferralRepository {
    let writer: any DatabaseWriter

    func createReferral(_ referral: ReferralRecord, contact: ContactRecord, audit: AuditNote) throws -> ContactRecord {
        try writer.write { db in
            try referral.insert(db)
            var contact = contact
            try contact.insert(db)
            try GRDBAuditRepository.insert(audit, in: db)
            return contact
        }
    }

    func recordStep(_ step: ReferralStepRecord, from: String, service: DirectoryServiceRecord?, audit: AuditNote) throws -> ReferralStepRecord {
        try writer.write { db in
            guard let status = try String.fetchOne(db, sql: "SELECT status FROM referral WHERE id = ?", arguments: [step.referralId]) else {
                throw ReferralStoreError.unknown(step.referralId)
            }
            guard status == from else { throw ReferralStoreError.moved(referral: step.referralId, now: status) }
            var step = step
            try step.insert(db)
            try db.execute(sql: "UPDATE referral SET status = ? WHERE id = ?", arguments: [step.status, step.referralId])
            try service?.update(db)
            try GRDBAuditRepository.insert(audit, in: db)
            return step
        }
    }

    func referral(id: String) throws -> ReferralRecord? {
        try writer.read { db in try ReferralRecord.fetchOne(db, key: id) }
    }

    func referrals(ofPersons personIds: [String]) throws -> [ReferralRecord] {
        try newest { $0.filter(personIds.contains(Column("personId"))) }
    }

    func referrals(referredBy name: String) throws -> [ReferralRecord] {
        try newest { $0.filter(Column("referredBy") == name) }
    }

    func referrals(toOrganization organization: String) throws -> [ReferralRecord] {
        try writer.read { db in
            try ReferralRecord.fetchAll(
                db,
                sql: """
                    SELECT * FROM referral WHERE organizationId = ? OR organizationName = ? COLLATE NOCASE
                    ORDER BY referredAt DESC, id
                    """,
                arguments: [organization, organization])
        }
    }

    func referrals(toService serviceId: String) throws -> [ReferralRecord] {
        try newest { $0.filter(Column("serviceId") == serviceId) }
    }

    func allReferrals() throws -> [ReferralRecord] {
        try newest { $0 }
    }

    func steps(ofReferrals referralIds: [String]) throws -> [ReferralStepRecord] {
        try writer.read { db in
            try ReferralStepRecord.filter(referralIds.contains(Column("referralId"))).order(Column("at"), Column("id")).fetchAll(db)
        }
    }

    private func newest(_ filter: (QueryInterfaceRequest<ReferralRecord>) -> QueryInterfaceRequest<ReferralRecord>) throws -> [ReferralRecord] {
        try writer.read { db in try filter(ReferralRecord.all()).order(Column("referredAt").desc, Column("id")).fetchAll(db) }
    }
}
