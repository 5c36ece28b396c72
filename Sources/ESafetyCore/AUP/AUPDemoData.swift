import CivilTime
import Foundation

/// A fictional roster for `esafety init --demo`: four pupils in each class, staff, governors,
/// a supply teacher and some parents, with about two thirds signed this school year. Every name
/// is made up.
enum AUPDemoData {
    static let forenames = ["Zoë", "Amir", "Bea", "Caoimhe", "Dev", "Elif", "Finn", "Gabriel", "Hana", "Idris", "Jun",
                            "Kofi", "Lena", "Mateo", "Niamh", "Oskar", "Priya", "Quinn", "Rosa", "Søren", "Tomás", "Uma", "Wren", "Yusuf"]
    static let surnames = ["Ōkubo", "Abara", "Brightwater", "Castellanos", "Dąbrowski", "Eastholme", "Fairbairn", "Górski",
                           "Hollis", "Ibekwe", "Jönsson", "Kowalczyk", "Larkspur", "Müller", "Nakamura", "O'Rourke", "Pérez", "Quarry"]

    static func seed(into store: Store, actor: AuditActor, versions: [AUPVersion], classes: [SchoolClass], today: CivilDate, now: Date) throws {
        var pupils = RosterDocument(people: [], nextNumber: 1)
        var index = 0
        for schoolClass in classes {
            for _ in 0..<4 {
                let name = index == 0 ? "Zoë Ōkubo" : "\(forenames[index % forenames.count]) \(surnames[(index * 7 + 3) % surnames.count])"
                pupils.people.append(RosterPerson(id: AUPRegister.makeID(.pupil, pupils.nextNumber), fullName: name, group: .pupil,
                                                  className: schoolClass.name,
                                                  dateOfBirth: CivilDate(year: SchoolYear(containing: today).startYear - 5 - schoolClass.yearGroup, month: 1 + index % 12, day: 1 + index % 28)))
                pupils.nextNumber += 1
                index += 1
            }
        }
        var staff = RosterDocument(people: [], nextNumber: 1)
        for name in ["Amira Haddad", "Bartholomew Quince", "Chiamaka Obi", "Dafydd Rhys-Evans", "Eun-ji Park", "François Lemaire", "Gráinne Ní Bhriain", "Hamish Tully"] {
            staff.people.append(RosterPerson(id: AUPRegister.makeID(.staff, staff.nextNumber), fullName: name, group: .staff))
            staff.nextNumber += 1
        }
        let governors = RosterDocument(people: [
            RosterPerson(id: "governor-0001", fullName: "Imogen Fairweather", group: .governor),
            RosterPerson(id: "governor-0002", fullName: "Józef Nowicki", group: .governor),
        ], nextNumber: 3)
        let guests = RosterDocument(people: [
            RosterPerson(id: "guest-0001", fullName: "Kit Marlowe-Stone", group: .guest, note: "Supply teacher",
                         visitFrom: today, visitUntil: today.adding(days: 4)),
        ], nextNumber: 2)
        var parents = RosterDocument(people: [], nextNumber: 1)
        for child in pupils.people.prefix(5) {
            let surname = child.fullName.split(separator: " ").last.map(String.init) ?? ""
            parents.people.append(RosterPerson(id: AUPRegister.makeID(.parent, parents.nextNumber), fullName: "Sam \(surname)", group: .parent, childIDs: [child.id]))
            parents.nextNumber += 1
        }
        for (group, document) in [(RosterGroup.pupil, pupils), (.staff, staff), (.governor, governors), (.guest, guests), (.parent, parents)] {
            try store.save(document, to: AUPDocumentName.roster(group), actor: actor, action: "store.create", recordID: nil,
                           summary: "Created a fictional roster of \(group.plural.lowercased()) for the demo")
        }

        // About two thirds signed, on the first day of term or today.
        let year = SchoolYear(containing: today)
        let signedOn = max(year.start, today.adding(days: -30) ?? today)
        var shards: [String: [AUPSignature]] = [:]
        let everyone = pupils.people + staff.people + governors.people + guests.people + parents.people
        for (position, person) in everyone.enumerated() where position % 3 != 1 {
            guard let version = versions.last(where: { $0.kind == person.group.aup }) else { continue }
            let date = person.group == .guest ? today : signedOn
            let signature = AUPSignature(personID: person.id, kind: version.kind, versionID: version.id, signedOn: date, recordedAt: now,
                                         method: person.group == .pupil ? .classList : .paper, witness: actor,
                                         lapsesAfter: person.visitUntil)
            shards[AUPDocumentName.signatures(year, bucket: RosterPerson.bucket(of: person.id)), default: []].append(signature)
        }
        for (name, signatures) in shards.sorted(by: { $0.key < $1.key }) {
            try store.save(SignatureShardDocument(signatures: signatures), to: name, actor: actor, action: "store.create", recordID: nil,
                           summary: "Recorded fictional demo AUP signatures")
        }
    }
}
