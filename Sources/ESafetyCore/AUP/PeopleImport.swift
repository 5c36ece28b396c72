import CivilTime
import Foundation
import SwiftCSV

/// A checked import, ready to apply: the roster documents as they will be, and what changes.
public struct PeopleImportPlan {
    /// The file's name, for the audit log.
    public var sourceName: String
    public var header: [String]
    public var mapping: ImportMapping
    /// The people read from the file, in file order (new ones have their new ids).
    public var people: [RosterPerson]
    var rosters: [RosterGroup: RosterDocument]
    var counts: [RosterGroup: (added: Int, updated: Int)]

    public var added: Int { counts.values.map(\.added).reduce(0, +) }
    public var updated: Int { counts.values.map(\.updated).reduce(0, +) }

    /// "600 rows: 600 new pupils".
    public var summary: String {
        let parts = RosterGroup.allCases.compactMap { group -> String? in
            guard let count = counts[group], count.added + count.updated > 0 else { return nil }
            var words: [String] = []
            if count.added > 0 { words.append("\(count.added) new") }
            if count.updated > 0 { words.append("\(count.updated) updated") }
            return "\(group.plural.lowercased()): " + words.joined(separator: ", ")
        }
        return "\(people.count) row\(people.count == 1 ? "" : "s"): " + (parts.isEmpty ? "nothing to change" : parts.joined(separator: "; "))
    }
}

/// Reads a roster CSV as a school's MIS exports it (parsed with SwiftCSV) and checks every row
/// before anything changes: a missing name, an unknown class, a bad date, an unknown group or
/// child is reported with its line number, and nothing is imported until the file is right.
///
/// A row updates the person with the same MIS id, or else the same name in the same group;
/// otherwise it adds a new person.
public enum PeopleImport {
    /// Checks a file against the register's roster and class list.
    /// - Parameter progress: called with (rows checked, total rows) about every 1% (at least 50 rows) and at the end.
    public static func plan(csv text: String, sourceName: String, mappingText: String? = nil, register: AUPRegister,
                            progress: ((Int, Int) -> Void)? = nil) throws -> PeopleImportPlan {
        try register.load()
        return try plan(csv: text, sourceName: sourceName, mappingText: mappingText, classes: register.classes,
                        rosters: register.rosterSnapshot, progress: progress)
    }

    /// Checks the roster CSV file at `path` (a leading `~` is the home folder) as ``plan(csv:sourceName:mappingText:register:progress:)``
    /// does, naming the file as the import's source.
    /// - Throws: ``UserTextFileError`` if the file cannot be read as UTF-8 text, then as the CSV check does.
    public static func plan(file path: String, mappingText: String? = nil, register: AUPRegister,
                            progress: ((Int, Int) -> Void)? = nil) throws -> PeopleImportPlan {
        let file = try UserTextFile.read(path)
        return try plan(csv: file.text, sourceName: file.name, mappingText: mappingText, register: register, progress: progress)
    }

    static func plan(csv text: String, sourceName: String, mappingText: String?, classes: [SchoolClass],
                     rosters original: [RosterGroup: RosterDocument], progress: ((Int, Int) -> Void)?) throws -> PeopleImportPlan {
        let body = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        let csv: EnumeratedCSV
        do {
            csv = try EnumeratedCSV(string: body, delimiter: .comma, loadColumns: false)
        } catch {
            throw PeopleImportError.unreadable(String(describing: error))
        }
        let header = csv.header
        let mapping = try mappingText.map { try ImportMapping.parse($0, header: header) } ?? ImportMapping.guess(header: header)
        guard mapping.columns[.name] != nil || (mapping.columns[.forename] != nil && mapping.columns[.surname] != nil) else {
            throw PeopleImportError.noNameColumn(header)
        }
        let index = Dictionary(header.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        /// The file's own name for the column a field is read from, for the error list.
        func columnName(_ field: ImportMapping.Field) -> String? { mapping.columns[field] }
        let classNames = Set(classes.map(\.name))

        var rosters = original
        for group in RosterGroup.allCases where rosters[group] == nil { rosters[group] = RosterDocument(people: [], nextNumber: 1) }
        var counts: [RosterGroup: (added: Int, updated: Int)] = [:]
        var people: [RosterPerson] = []
        var problems: [PeopleImportError.Problem] = []
        var pendingChildren: [(line: Int, group: RosterGroup, id: String, names: [String])] = []

        // Line numbers count the header as line 1 and follow line breaks inside quoted fields.
        var line = 1 + newlines(in: header)
        let rows = csv.rows
        for (number, row) in rows.enumerated() {
            line += 1
            defer { line += newlines(in: row) }
            if number % max(50, rows.count / 100) == 0 { progress?(number, rows.count) }
            if row.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) { continue }
            func value(_ field: ImportMapping.Field) -> String {
                guard let column = mapping.columns[field], let position = index[column], position < row.count else { return "" }
                return row[position].trimmingCharacters(in: .whitespaces)
            }
            func date(_ field: ImportMapping.Field) -> CivilDate? {
                let text = value(field)
                guard !text.isEmpty else { return nil }
                switch CivilDate.parse(text) {
                case .success(let date): return date
                case .failure(let why):
                    problems.append(.init(line: line, message: "the \(field.rawValue) “\(text)” is not a date (\(why))", column: columnName(field), value: text))
                    return nil
                }
            }
            var name = value(.name)
            if name.isEmpty { name = [value(.forename), value(.surname)].filter { !$0.isEmpty }.joined(separator: " ") }
            name = name.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            let groupText = value(.group)
            let group: RosterGroup
            if groupText.isEmpty {
                group = .pupil
            } else if let parsed = RosterGroup.parse(groupText) {
                group = parsed
            } else {
                problems.append(.init(line: line, message: "the group “\(groupText)” is not one of pupil, staff, governor, guest, parent", column: columnName(.group), value: groupText))
                continue
            }
            let className = value(.className)
            let problemsBefore = problems.count
            if name.isEmpty { problems.append(.init(line: line, message: "the name is missing")) }
            // With forename and surname in columns of their own, both are needed: a row with no
            // surname is refused, not imported under a forename alone.
            let legalForename = value(.forename), legalSurname = value(.surname)
            if value(.name).isEmpty && mapping.columns[.surname] != nil && legalSurname.isEmpty && !legalForename.isEmpty {
                problems.append(.init(line: line, message: "the surname is missing for \(legalForename)", column: columnName(.surname), value: ""))
            }
            if value(.name).isEmpty && mapping.columns[.forename] != nil && legalForename.isEmpty && !legalSurname.isEmpty {
                problems.append(.init(line: line, message: "the forename is missing for \(legalSurname)", column: columnName(.forename), value: ""))
            }
            let upn = value(.upn).uppercased()
            if !upn.isEmpty, let why = UPN.problem(upn) { problems.append(.init(line: line, message: why, column: columnName(.upn), value: value(.upn))) }
            if group == .pupil {
                if className.isEmpty {
                    problems.append(.init(line: line, message: "the class is missing for the pupil \(name)"))
                } else if !classNames.contains(className) {
                    problems.append(.init(line: line, message: "the class “\(className)” is not in the class list (\(classes.map(\.name).joined(separator: " ")))", column: columnName(.className), value: className))
                }
            }
            let dob = date(.dateOfBirth)
            let from = date(.visitFrom)
            let until = date(.visitUntil)
            if group == .guest && until == nil && value(.visitUntil).isEmpty {
                problems.append(.init(line: line, message: "the guest \(name) needs an end date (until)"))
            }
            guard problems.count == problemsBefore else { continue }

            let misID = value(.misID)
            var roster = rosters[group]!
            let existing = roster.people.firstIndex { person in
                if !misID.isEmpty { return person.misID == misID }
                if !upn.isEmpty, let known = person.upn { return known == upn }
                return person.nameMatches(name) && person.misID == nil
            }
            var person = existing.map { roster.people[$0] } ?? RosterPerson(id: AUPRegister.makeID(group, roster.nextNumber), fullName: name, group: group)
            person.fullName = name
            person.className = group == .pupil ? className : nil
            if let dob { person.dateOfBirth = dob }
            if !misID.isEmpty { person.misID = misID }
            if !upn.isEmpty { person.upn = upn }
            if !legalForename.isEmpty && !legalSurname.isEmpty { person.legalForename = legalForename; person.legalSurname = legalSurname }
            if !value(.note).isEmpty { person.note = value(.note) }
            if let from { person.visitFrom = from }
            if let until { person.visitUntil = until }
            if let existing {
                roster.people[existing] = person
                counts[group, default: (0, 0)].updated += 1
            } else {
                roster.people.append(person)
                roster.nextNumber += 1
                counts[group, default: (0, 0)].added += 1
            }
            rosters[group] = roster
            people.append(person)
            let children = value(.children).split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            if !children.isEmpty { pendingChildren.append((line, group, person.id, children)) }
        }
        // Children may be earlier or later in the same file, or already on the roster.
        let pupils = rosters[.pupil]!.people
        for pending in pendingChildren {
            var ids: [String] = []
            for child in pending.names {
                let matches = pupils.filter { $0.nameMatches(child) || $0.misID == child || $0.id == child }
                if matches.count == 1 { ids.append(matches[0].id) } else {
                    problems.append(.init(line: pending.line, message: matches.isEmpty ? "no pupil called “\(child)” (children)" : "more than one pupil is called “\(child)”: use their MIS id"))
                }
            }
            if let position = rosters[pending.group]!.people.firstIndex(where: { $0.id == pending.id }) {
                rosters[pending.group]!.people[position].childIDs = ids
            }
        }
        progress?(rows.count, rows.count)
        guard problems.isEmpty else {
            throw PeopleImportError.badRows(problems.sorted { $0.line < $1.line }, total: problems.count)
        }
        return PeopleImportPlan(sourceName: sourceName, header: header, mapping: mapping, people: people, rosters: rosters, counts: counts)
    }

    private static func newlines(in fields: [String]) -> Int {
        fields.reduce(0) { $0 + $1.reduce(0) { $0 + ($1 == "\n" || $1 == "\r\n" || $1 == "\r" ? 1 : 0) } }
    }
}
