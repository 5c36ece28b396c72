import Foundation

/// The filtering and monitoring records as JSON or CSV (`esafety export filtering`): one row per
/// check, review and unblock request, with a `record` column saying which.
public enum FilteringExport {
    public static let header = ["record", "id", "date", "by", "categories", "device", "location", "userGroup", "result",
                                "detail", "actions", "seniorLeader", "governor", "site", "reason", "decision", "decidedBy",
                                "decidedOn", "allowed", "why"]

    public static func filtering(_ area: FilteringArea, format: ExportFormat) throws -> String {
        var rows: [[String: String]] = []
        for check in try area.checks().reversed() {
            rows.append(["record": "check", "id": check.id, "date": check.date.iso8601, "by": check.checkedBy,
                         "categories": check.categories.joined(separator: ";"), "device": check.device, "location": check.location,
                         "userGroup": check.userGroup, "result": check.result.rawValue, "detail": check.resultDetail, "actions": check.actions])
        }
        for review in try area.reviews().reversed() {
            rows.append(["record": "review", "id": review.id, "date": review.date.iso8601, "by": review.others,
                         "seniorLeader": review.seniorLeader, "governor": review.governor, "detail": review.findings, "actions": review.actions])
        }
        for request in try area.requests().sorted(by: { $0.id < $1.id }) {
            rows.append(["record": "unblock-request", "id": request.id, "date": request.requestedOn.iso8601, "by": request.requestedBy,
                         "site": request.site, "reason": request.reason, "decision": request.state, "decidedBy": request.decidedBy?.name ?? "",
                         "decidedOn": request.decidedOn?.iso8601 ?? "", "allowed": request.allowed ?? "", "why": request.why ?? ""])
        }
        return try ConsentExport.table(key: "filtering", header: header, rows: rows.map { row in header.map { row[$0] ?? "" } }, format: format)
    }
}
