import CivilTime
import Foundation
import SwiftCSV

/// A checked consent import, ready to apply: the consent forms read from the file.
public struct ConsentImportPlan: Sendable {
    public var sourceName: String
    /// The consent columns found, by use, as headed in the file.
    public var columns: [ConsentUse: String]
    /// One form per row that holds consent answers (rows the register already holds are left out).
    public var forms: [ConsentEvent]
    /// Rows already on the register exactly as the file has them.
    public var unchanged: Int

    /// "3 consent forms to record (1 already recorded)".
    public var summary: String {
        "\(forms.count) consent form\(forms.count == 1 ? "" : "s") to record" + (unchanged > 0 ? " (\(unchanged) already recorded)" : "")
    }
}

/// Reads the consent columns of the MIS roster CSV ("Consent: Website", "Photo consent - social
/// media", …, "Consent given by", "Consent date", "Consent form version") and checks every row
/// before anything changes: an unknown pupil, an answer that is not yes or no, a missing giver
/// or a bad date is named with its line number, and nothing is recorded until the file is right.
///
/// Pupils are matched to the roster by UPN, else MIS id, else full name (and class, if given).
/// A row with every consent cell empty is skipped: no form came back for that pupil.
public enum ConsentImport {
    public static func plan(csv text: String, sourceName: String, defaultFormVersion: String? = nil,
                            register: ConsentRegister) throws -> ConsentImportPlan {
        try register.workspace.require(.recordConsent)
        try register.load()
        let body = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        let csv: EnumeratedCSV
        do { csv = try EnumeratedCSV(string: body, delimiter: .comma, loadColumns: false) } catch {
            throw PeopleImportError.unreadable(String(describing: error))
        }
        let header = csv.header
        let lower = header.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        func column(_ names: [String]) -> Int? { lower.firstIndex { names.contains($0) } }
        func consentColumn(containing words: [String]) -> Int? {
            lower.firstIndex { name in name.contains("consent") && words.contains { name.contains($0) } }
        }
        var uses: [ConsentUse: Int] = [:]
        for use in ConsentUse.allCases {
            if let index = lower.firstIndex(where: { $0.contains("consent") && use.keywords.contains(where: $0.contains)
                                                     && !$0.contains("version") && !$0.contains("date") && !$0.contains(" by") }) {
                uses[use] = index
            }
        }
        guard !uses.isEmpty else { throw ConsentImportError.noConsentColumns(header) }
        let giverColumn = consentColumn(containing: ["given by", " by"]) ?? column(["given by", "parent", "parent/carer"])
        let dateColumn = consentColumn(containing: ["date"]) ?? column(["date"])
        let versionColumn = consentColumn(containing: ["version"]) ?? column(["form version", "version"])
        let upnColumn = column(["upn", "unique pupil number"])
        let misColumn = column(["id", "mis id", "admission number", "adno"])
        let nameColumn = column(["name", "full name", "fullname", "legal name", "pupil name"])
        let foreColumn = column(["forename", "first name", "legal forename"]), surColumn = column(["surname", "last name", "legal surname"])
        let classColumn = column(["class", "reg group", "registration group", "form", "reg"])
        var missing: [String] = []
        if giverColumn == nil { missing.append("who gave consent (Consent given by)") }
        if dateColumn == nil { missing.append("the date of consent (Consent date)") }
        if versionColumn == nil && (defaultFormVersion ?? "").isEmpty { missing.append("the form version (Consent form version, or --form-version)") }
        if upnColumn == nil && misColumn == nil && nameColumn == nil && (foreColumn == nil || surColumn == nil) { missing.append("the pupil (UPN, MIS id or name)") }
        guard missing.isEmpty else { throw ConsentImportError.missingColumns(missing, header) }

        let pupils = register.roster.people(in: .pupil)
        let today = register.workspace.today
        var problems: [PeopleImportError.Problem] = []
        var forms: [ConsentEvent] = []
        var unchanged = 0
        var seen: [String: Int] = [:]
        var line = 1
        for row in csv.rows {
            line += 1
            defer { line += row.reduce(0) { $0 + $1.filter { $0 == "\n" || $0 == "\r\n" }.count } }
            func cell(_ index: Int?) -> String {
                guard let index, index < row.count else { return "" }
                return row[index].trimmingCharacters(in: .whitespaces)
            }
            let answers = uses.mapValues(cell)
            if answers.values.allSatisfy(\.isEmpty) { continue }
            let before = problems.count
            func problem(_ message: String, _ index: Int? = nil) {
                problems.append(.init(line: line, message: message, column: index.map { header[$0] }, value: index.map(cell)))
            }
            // The pupil.
            let upn = cell(upnColumn).uppercased(), mis = cell(misColumn)
            var name = cell(nameColumn)
            if name.isEmpty { name = [cell(foreColumn), cell(surColumn)].filter { !$0.isEmpty }.joined(separator: " ") }
            let className = cell(classColumn)
            var matches: [RosterPerson] = []
            if !upn.isEmpty { matches = pupils.filter { $0.upn == upn } }
            if matches.isEmpty && !mis.isEmpty { matches = pupils.filter { $0.misID == mis } }
            if matches.isEmpty && !name.isEmpty {
                matches = pupils.filter { $0.nameMatches(name) && (className.isEmpty || $0.className == className) }
            }
            let who = [name, upn, mis].first { !$0.isEmpty } ?? "(no name)"
            if matches.isEmpty { problem("no pupil on the roster matches \(who): import the roster first") }
            if matches.count > 1 { problem("more than one pupil matches \(who): add the UPN or MIS id") }
            // The answers.
            var given: [ConsentUse] = []
            for (use, text) in answers.sorted(by: { $0.key < $1.key }) {
                switch text.lowercased() {
                case "y", "yes", "true", "1", "given": given.append(use)
                case "n", "no", "false", "0", "refused": break
                case "": problem("the answer for \(use.title) is empty: give yes or no", uses[use])
                default: problem("the answer for \(use.title) “\(text)” is not yes or no", uses[use])
                }
            }
            let giver = cell(giverColumn)
            if giver.isEmpty { problem("who gave consent is missing", giverColumn) }
            var date: CivilDate?
            switch CivilDate.parse(cell(dateColumn)) {
            case .success(let parsed):
                if parsed > today { problem("the consent date \(parsed) is in the future", dateColumn) } else { date = parsed }
            case .failure(let why): problem("the consent date “\(cell(dateColumn))” is not a date (\(why))", dateColumn)
            }
            let version = cell(versionColumn).isEmpty ? (defaultFormVersion ?? "") : cell(versionColumn)
            if version.isEmpty { problem("the form version is missing", versionColumn) }
            guard problems.count == before, let pupil = matches.first, let date else { continue }
            if let earlier = seen[pupil.id] {
                problem("\(pupil.fullName) is also on line \(earlier): one row per pupil")
                continue
            }
            seen[pupil.id] = line
            let form = ConsentEvent(personID: pupil.id, kind: .given, uses: given, by: giver, on: date, formVersion: version,
                                    recordedBy: register.workspace.actor, recordedAt: register.workspace.now())
            if let latest = register.consent(of: pupil.id).latestForm,
               (latest.uses, latest.by, latest.on, latest.formVersion) == (form.uses, form.by, form.on, form.formVersion) {
                unchanged += 1
                continue
            }
            forms.append(form)
        }
        guard problems.isEmpty else { throw PeopleImportError.badRows(problems.sorted { $0.line < $1.line }, total: problems.count) }
        return ConsentImportPlan(sourceName: sourceName, columns: uses.mapValues { header[$0] }, forms: forms, unchanged: unchanged)
    }
}

extension ConsentRegister {
    /// Records every form of a checked import in one commit (all or nothing).
    public func apply(_ plan: ConsentImportPlan) throws {
        try workspace.require(.recordConsent)
        try load()
        guard !plan.forms.isEmpty else { return }
        try commit(plan.forms, action: "consent.import", recordID: nil,
                   summary: "Imported \(plan.forms.count) consent form\(plan.forms.count == 1 ? "" : "s") from \(plan.sourceName)")
    }
}

/// Why a consent import was refused before any row was read.
public enum ConsentImportError: Error, Equatable, CustomStringConvertible {
    case noConsentColumns([String])
    case missingColumns([String], [String])

    public var description: String {
        switch self {
        case .noConsentColumns(let header):
            return "No consent columns: a column's header must say “consent” and the use (website, social media, newsletter or press, display, work). The columns are: \(header.joined(separator: ", ")). Nothing was imported."
        case .missingColumns(let what, let header):
            return "The file has no column for \(what.joined(separator: "; ")). The columns are: \(header.joined(separator: ", ")). Nothing was imported."
        }
    }
}
