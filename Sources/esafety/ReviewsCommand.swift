import ArgumentParser
import ESafetyCore
import Foundation

/// `esafety reviews [--due] [--ics FILE]`: the review schedule as text, or as an iCalendar file.
struct ReviewsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reviews",
        abstract: "List the review schedule, or write it as an iCalendar (.ics) file.",
        discussion: """
            Lists every review item with its next due date, the term it falls in, and the last time it was done. \
            --due lists only the items overdue or due in the next \(ReviewSchedule.soonDays) days. --ics FILE writes one \
            all-day event for each item's next due date, for Outlook or Google Calendar to import. \
            ESAFETY_TODAY=yyyy-mm-dd fixes what today is.
            """)

    @OptionGroup var options: StoreOptions

    @Flag(help: "Only the items that are overdue or due in the next \(ReviewSchedule.soonDays) days.")
    var due = false

    @Option(help: ArgumentHelp("Write an iCalendar file (created readable by you only) instead of listing.", valueName: "FILE"))
    var ics: String?

    func run() throws {
        let now = try TodayOverride.clock()
        let workspace: Workspace
        do {
            workspace = try Workspace.open(at: options.location, access: .readOnly, actor: options.actor)
        } catch {
            throw UserFacingError(error)
        }
        defer { workspace.store.close() }
        workspace.now = now
        let reviews = workspace.reviews
        if let problem = reviews.loadProblem { throw UserFacingError(problem) }
        var list = reviews.dueList()
        if due { list = list.filter { $0.state == .overdue || $0.state == .dueSoon } }
        if let ics {
            let text = ReviewCalendarExport.iCalendar(list, calendar: reviews.calendar, roleName: { workspace.directory.role($0)?.name ?? $0 },
                                                      schoolName: workspace.profile.schoolName, stamp: now())
            try OutputFile.write(text, to: ics)
            say("Wrote \(list.count) events to \(ics)")
            return
        }
        say(Self.listing(list, reviews: reviews, workspace: workspace), terminator: "")
    }

    static func listing(_ list: [ReviewDue], reviews: ReviewsArea, workspace: Workspace) -> String {
        var out = "Review schedule on \(workspace.today) (\(reviews.calendar.label(for: workspace.today)))"
        if !reviews.calendar.confirmed { out += "; term dates are placeholders" }
        out += "\n"
        if list.isEmpty { return out + "Nothing overdue or due soon.\n" }
        let overdue = list.filter { $0.state == .overdue }.count
        out += overdue == 0 ? "Nothing overdue.\n" : "\(overdue) overdue.\n"
        for entry in list {
            let last = entry.item.lastDone.map { "last done \($0.date)" } ?? "never recorded"
            let state = entry.state == .optional ? "optional" : entry.whenInWords
            out += "\(entry.due)  \(pad(reviews.calendar.label(for: entry.due), 22))\(pad(state, 18))\(entry.item.title) "
            out += "[\(workspace.directory.role(entry.item.ownerRoleID)?.name ?? entry.item.ownerRoleID); \(last)]\n"
        }
        return out
    }

    private static func pad(_ text: String, _ width: Int) -> String {
        text + String(repeating: " ", count: max(1, width - text.count))
    }
}
