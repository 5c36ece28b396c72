import Foundation

/// Incidents written out for the local authority or another system: JSON (the records as
/// stored, with their history) or CSV (one row per incident, lists joined with "; "). Each
/// record is written on its own, over the cores, and the pieces joined in id order.
public enum IncidentExport {
    public static func incidents(_ records: [IncidentRecord], form: IncidentFormDefinition, format: ExportFormat) throws -> String {
        let ordered = records.sorted { $0.id < $1.id }
        switch format {
        case .json:
            return try json(ordered)
        case .csv:
            return CSVWriter.line(csvHeader) + ParallelMap.map(ordered) { CSVWriter.line(csvRow($0, form: form)) }.joined()
        }
    }

    /// `{"incidents": [...]}` exactly as `StoreJSON.makeEncoder()` writes it whole (pretty,
    /// sorted keys), with terminal controls escaped: each record is encoded alone (by
    /// ``StoreFastEncoder``, which gives the encoder's bytes, or the encoder itself) and indented
    /// two levels (a raw newline stands only between tokens: in a string it is `\n`), but for the
    /// empty line the encoder writes inside an empty list.
    static func json(_ ordered: [IncidentRecord]) throws -> String {
        struct Document: Encodable { var incidents: [IncidentRecord] }
        guard !ordered.isEmpty else {
            return TerminalText.jsonEscaped(String(decoding: try StoreJSON.makeEncoder().encode(Document(incidents: [])), as: UTF8.self)) + "\n"
        }
        let pieces = ParallelMap.map(ordered, context: StoreJSON.makeEncoder) { encoder, record in
            Result { () throws -> [UInt8] in
                let data = try StoreFastEncoder.encode(record, capacity: 4_096) ?? encoder.encode(record)  // the same bytes, faster
                let text = TerminalText.jsonEscaped(String(decoding: data, as: UTF8.self))
                var indented: [UInt8] = []
                indented.reserveCapacity(text.utf8.count * 9 / 8)
                var lineStart = true
                for byte in text.utf8 {
                    if lineStart && byte != 0x0A { indented.append(contentsOf: [0x20, 0x20, 0x20, 0x20]) }  // the encoder leaves an empty line empty
                    indented.append(byte)
                    lineStart = byte == 0x0A
                }
                return indented
            }
        }
        var document: [UInt8] = Array("{\n  \"incidents\" : [\n".utf8)
        for (index, piece) in pieces.enumerated() {
            if index > 0 { document.append(contentsOf: Array(",\n".utf8)) }
            document.append(contentsOf: try piece.get())
        }
        document.append(contentsOf: Array("\n  ]\n}\n".utf8))
        return String(decoding: document, as: UTF8.self)
    }

    static let csvHeader = ["id", "status", "date_happened", "time", "reporter", "reporter_role", "location", "involved",
                            "types", "other_type", "risk_areas", "description", "access", "material", "considered_as",
                            "staff_actions", "child_actions", "specific_action", "outcome", "follow_ups", "flowchart_walks", "revisions"]

    static func csvRow(_ record: IncidentRecord, form: IncidentFormDefinition) -> [String] {
        func labels(_ ids: [String], _ options: [FormOption]) -> String {
            ids.map { IncidentFormDefinition.label($0, in: options) }.joined(separator: "; ")
        }
        let r = record.report
        return [record.id, record.status.label, r.occurredOn?.iso8601 ?? "", r.occurredAt?.description ?? "",
                r.reporterName, r.reporterRole, r.location?.label ?? "",
                r.involved.map { "\($0.name) (\($0.kind.label))" }.joined(separator: "; "),
                labels(r.typeIDs, form.incidentTypes), r.otherType, labels(r.riskAreaIDs, form.riskAreas),
                r.description, r.access?.label ?? "", labels(r.materialUseIDs, form.materialUses),
                labels(r.consideredAsIDs, form.consideredAs),
                r.staffActions.map { "\(IncidentFormDefinition.label($0.itemID, in: form.staffActions)) (\($0.by), \($0.on))" }.joined(separator: "; "),
                r.childActions.map { "\(IncidentFormDefinition.label($0.itemID, in: form.childActions)) (\($0.by), \($0.on))" }.joined(separator: "; "),
                r.specificAction, r.outcome,
                record.followUps.map { "\($0.what) (\($0.ownerName), due \($0.due)\($0.doneOn.map { ", done \($0)" } ?? ""))" }.joined(separator: "; "),
                record.walks.map(\.csvText).joined(separator: " || "),
                String(record.revisions.count)]
    }
}
