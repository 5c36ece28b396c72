import CivilTime
import Foundation

/// The consent register as JSON or CSV for other systems (`esafety export consents`), and the
/// printable "who may not be photographed" list.
public enum ConsentExport {
    /// The columns of the export: one row per pupil on the roster.
    public static let header = ["personID", "name", "class", "upn"] + ConsentUse.allCases.map(\.rawValue)
        + ["givenBy", "givenOn", "formVersion", "withdrawnBy", "withdrawnOn", "withdrawnUses"]

    /// Every pupil's consent today, use by use ("yes", "no", "withdrawn", "not asked").
    public static func consents(_ register: ConsentRegister, format: ExportFormat) throws -> String {
        let rows = try register.pupils().map { pupil, consent -> [String] in
            let form = consent.latestForm, withdrawal = consent.latestWithdrawal
            return [pupil.id, pupil.fullName, pupil.className ?? "", pupil.upn ?? ""] + ConsentUse.allCases.map { consent.state($0).word }
                + [form?.by ?? "", form?.on.iso8601 ?? "", form?.formVersion ?? "",
                   withdrawal?.by ?? "", withdrawal?.on.iso8601 ?? "", withdrawal?.uses.map(\.rawValue).joined(separator: ";") ?? ""]
        }
        return try table(key: "consents", header: header, rows: rows, format: format)
    }

    /// Rows as CSV, or as a JSON document `{ key: [ {column: value} ] }`.
    static func table(key: String, header: [String], rows: [[String]], format: ExportFormat) throws -> String {
        var text = ""
        switch format {
        case .csv:
            text += CSVWriter.line(header)
            for row in rows { text += CSVWriter.line(row) }
        case .json:
            let objects = rows.map { row in JSONValue.object(Dictionary(uniqueKeysWithValues: zip(header, row.map(JSONValue.string)))) }
            try JSONValue.writeArrayDocument(key: key, items: objects) { text += $0 }
        }
        return text
    }

    /// The printable list for a class or a trip: a heading, then each pupil who may not be
    /// photographed for at least one use, with the uses refused.
    public static func notPhotographedText(title: String, lines: [NotPhotographedLine], pupilCount: Int, today: CivilDate) -> String {
        var out = "Who may not be photographed: \(title)\nAs of \(today.longDescription). \(lines.count) of \(pupilCount) pupil\(pupilCount == 1 ? "" : "s").\n"
        out += "Check this list before any photograph or video is published.\nNever use pupils' full names with their images.\n\n"
        if lines.isEmpty { return out + "Every pupil has consent for every use.\n" }
        let width = max(12, lines.map { $0.pupil.fullName.count }.max() ?? 0)
        for line in lines {
            out += "  " + line.pupil.fullName.padding(toLength: width, withPad: " ", startingAt: 0)
                + "  " + (line.pupil.className ?? "").padding(toLength: 4, withPad: " ", startingAt: 0) + "  \(line.reason)\n"
        }
        return out
    }

    /// Writes a printable list to a file (created readable by its owner only) or a printer (`lp`).
    public static func output(_ text: String, title: String, to destination: ReportDestination) throws {
        switch destination {
        case .file(let path): try ReportOutput.write(text, to: path)
        case .printer(let name): try ReportOutput.print(text, printer: name, title: title)
        }
    }
}
