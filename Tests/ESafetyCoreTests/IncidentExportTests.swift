import XCTest
@testable import ESafetyCore

/// The exports written record by record over the cores are the documents written whole.
final class IncidentExportTests: StoreTestCase {
    /// Enough records for the work to be spread over the cores, with text that needs care:
    /// terminal controls, quotes, commas, newlines, non-ASCII.
    private func records() throws -> ([IncidentRecord], IncidentFormDefinition) {
        let workspace = try Workspace.create(at: storeURL, actor: sam, demo: true)
        let log = try workspace.incidents()
        let demo = try log.allRecords()
        XCTAssertFalse(demo.isEmpty)
        let texts = ["plain", "a \"quoted\" word, and a comma", "two\nlines\r\nand CRLF", "\u{1B}[31mred\u{1B}[0m and a bell \u{07}",
                     "Zoë Ōkubo 😀", "=SUM(A1)", ""]
        var records: [IncidentRecord] = []
        for index in 0..<(ParallelMap.threshold * 2) {
            var record = demo[index % demo.count]
            record.id = String(format: "2026-%04d", 9999 - index)
            record.report.description = texts[index % texts.count]
            record.report.outcome = texts[(index + 3) % texts.count]
            records.append(record)
        }
        return (records, log.form)
    }

    func testJSONWrittenRecordByRecordIsTheDocumentEncodedWhole() throws {
        let (records, form) = try records()
        struct Document: Encodable { var incidents: [IncidentRecord] }
        let whole = try StoreJSON.makeEncoder().encode(Document(incidents: records.sorted { $0.id < $1.id }))
        let expected = TerminalText.jsonEscaped(String(decoding: whole, as: UTF8.self)) + "\n"
        let written = try IncidentExport.incidents(records, form: form, format: .json)
        XCTAssertEqual(written, expected)
        XCTAssertFalse(written.unicodeScalars.contains("\u{1B}"), "no terminal control is written raw")
        XCTAssertEqual(try IncidentExport.incidents([], form: form, format: .json),
                       TerminalText.jsonEscaped(String(decoding: try StoreJSON.makeEncoder().encode(Document(incidents: [])), as: UTF8.self)) + "\n")
    }

    func testCSVWrittenRowByRowIsTheDocumentWrittenWhole() throws {
        let (records, form) = try records()
        let ordered = records.sorted { $0.id < $1.id }
        let expected = CSVWriter.document(header: IncidentExport.csvHeader, rows: ordered.map { IncidentExport.csvRow($0, form: form) })
        XCTAssertEqual(try IncidentExport.incidents(records, form: form, format: .csv), expected)
        XCTAssertTrue(expected.contains("\"a \"\"quoted\"\" word, and a comma\""))
        XCTAssertEqual(CSVWriter.field("\"\""), "\"\"\"\"\"\"", "each quote doubled, the field quoted")
        XCTAssertEqual(CSVWriter.field("a,b"), "\"a,b\"")
    }
}
