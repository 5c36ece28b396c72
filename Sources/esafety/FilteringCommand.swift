import ArgumentParser
import CivilTime
import ESafetyCore
import Foundation

/// `esafety filtering …`: filtering and monitoring checks, reviews, unblock requests and alerts.
struct FilteringCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "filtering",
        abstract: "Filtering and monitoring: log checks, record the annual review, unblock requests and the head teacher's decisions, monitoring alerts.",
        discussion: "Export everything with esafety export filtering --format json|csv.",
        subcommands: [Check.self, Review.self, Request.self, Decide.self, List.self, Alert.self])

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Log a check that filtering and monitoring work.")
        @OptionGroup var session: SessionOptions
        @Option(help: "The day of the check (default today).") var date: String?
        @Option(name: .customLong("checked-by"), help: "Who did the check.") var checkedBy: String
        @Option(help: ArgumentHelp("A category tested (repeat, or comma-separated): " + FilteringCategory.allCases.map(\.rawValue).joined(separator: ", ") + ", or other words.", valueName: "CATEGORY"))
        var category: [String]
        @Option(help: "The device used.") var device: String
        @Option(help: "Where the check was done.") var location: String
        @Option(name: .customLong("user-group"), help: "The user group tested (pupils, staff, guests).") var userGroup: String
        @Option(help: "passed or failed.") var result: String
        @Option(help: "What happened.") var detail: String = ""
        @Option(help: "What was done (needed for a failed check).") var actions: String = ""

        func run() throws {
            guard let outcome = FilteringCheck.Result(rawValue: result.lowercased()) else { throw UserFacingError("“\(result)” is not passed or failed.") }
            try session.run { workspace in
                let check = try workspace.filtering.recordCheck(
                    date: try ConsentCommand.date(date, today: workspace.today), checkedBy: checkedBy,
                    categories: category.flatMap { $0.split(separator: ",").map(String.init) }, device: device, location: location,
                    userGroup: userGroup, result: outcome, resultDetail: detail, actions: actions)
                say("Logged \(check.id): \(check.result.rawValue).")
            }
        }
    }

    struct Review: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Record the annual filtering and monitoring review (marks the review schedule's item done).")
        @OptionGroup var session: SessionOptions
        @Option(help: "The day of the review (default today).") var date: String?
        @Option(name: .customLong("senior-leader"), help: "The named senior leader.") var seniorLeader: String
        @Option(help: "The named governor.") var governor: String
        @Option(help: "Others who took part (DSL, IT provider).") var others: String = ""
        @Option(help: "What the review found: what is blocked or allowed, and why.") var findings: String
        @Option(help: "What is to change.") var actions: String = ""

        func run() throws {
            try session.run { workspace in
                let review = try workspace.filtering.recordReview(date: try ConsentCommand.date(date, today: workspace.today), seniorLeader: seniorLeader,
                                                                  governor: governor, others: others, findings: findings, actions: actions)
                let due = workspace.reviews.dueList().first { $0.item.id == FilteringArea.reviewItemID }
                say("Recorded \(review.id).\(due.map { " The next review is due \(workspace.reviews.describe($0.due))." } ?? "")")
            }
        }
    }

    struct Request: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Ask for a site to be removed from the filtered list (the head teacher decides).")
        @OptionGroup var session: SessionOptions
        @Argument(help: "The site or address.") var site: String
        @Option(help: "Why it is needed.") var reason: String
        @Option(name: .customLong("requested-by"), help: "Who asked (default whoever is signed in).") var requestedBy: String?

        func run() throws {
            try session.run { workspace in
                let request = try workspace.filtering.requestUnblock(site: site, reason: reason, requestedBy: requestedBy)
                say("Recorded unblock request \(request.id) for \(request.site); the head teacher decides.")
            }
        }
    }

    struct Decide: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "The head teacher's decision on an unblock request.")
        @OptionGroup var session: SessionOptions
        @Argument(help: "The request's id, e.g. unblock-0001.") var id: String
        @Option(help: "approved or refused.") var decision: String
        @Option(help: "What is allowed (the pages, for whom, until when); needed to approve.") var allowed: String = ""
        @Option(help: "Why.") var why: String
        @Option(help: "The day of the decision (default today).") var date: String?

        func run() throws {
            guard let chosen = UnblockRequest.Decision(rawValue: decision.lowercased()) else { throw UserFacingError("“\(decision)” is not approved or refused.") }
            try session.run { workspace in
                try workspace.filtering.decide(id, chosen, allowed: allowed, why: why, on: try ConsentCommand.date(date, today: workspace.today))
                say("Unblock request \(id) \(chosen.rawValue).")
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the checks, reviews and unblock requests.")
        @OptionGroup var session: SessionOptions

        func run() throws {
            try session.run(readOnly: true) { workspace in
                let area = workspace.filtering
                say("Checks:")
                for check in try area.checks() {
                    say("  \(check.id)  \(check.date)  \(check.result.rawValue.padding(toLength: 6, withPad: " ", startingAt: 0))  \(check.checkedBy): \(check.categories.joined(separator: ", ")) on \(check.device), \(check.location), \(check.userGroup)")
                }
                say("Annual reviews:")
                for review in try area.reviews() { say("  \(review.id)  \(review.date)  senior leader \(review.seniorLeader), governor \(review.governor)") }
                say("Unblock requests:")
                for request in try area.requests() {
                    say("  \(request.id)  \(request.requestedOn)  \(request.state.padding(toLength: 8, withPad: " ", startingAt: 0))  \(request.site) (\(request.requestedBy): \(request.reason))"
                        + (request.decision == nil ? "" : "; \(request.decidedBy?.name ?? "") on \(request.decidedOn.map(\.description) ?? ""): \(request.allowed ?? "") (\(request.why ?? ""))"))
                }
            }
        }
    }

    struct Alert: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Record an alert from the monitoring provider as the start of an incident.")
        @OptionGroup var session: SessionOptions
        @Option(help: "The monitoring provider.") var provider: String
        @Option(help: "The provider's reference for the alert.") var reference: String = ""
        @Option(help: "The day of the alert (default today).") var date: String?
        @Option(help: "Who the alert is about (name or account).") var about: String
        @Option(name: .customLong("user-kind"), help: "child, staff or other.") var userKind: String = "child"
        @Option(help: "The device.") var device: String = ""
        @Option(help: "The incident type id of the form (e.g. gambling, bullying, other).") var type: String
        @Option(name: .customLong("other-type"), help: "What the type is, for type other.") var otherType: String = ""
        @Option(help: "What the provider reported.") var detail: String
        @Option(help: "deliberate or accidental.") var access: String

        func run() throws {
            guard let kind = InvolvedParty.Kind(rawValue: userKind.lowercased()) else { throw UserFacingError("“\(userKind)” is not child, staff or other.") }
            guard let how = IncidentReport.Access(rawValue: access.lowercased()) else { throw UserFacingError("“\(access)” is not deliberate or accidental.") }
            try session.run { workspace in
                let alert = MonitoringAlert(provider: provider, reference: reference, date: try ConsentCommand.date(date, today: workspace.today),
                                            userName: about, userKind: kind, device: device, typeID: type, otherType: otherType, detail: detail, access: how)
                let record = try workspace.filtering.recordAlert(alert)
                say("Recorded the alert as incident \(record.id).")
            }
        }
    }
}
