import CivilTime

extension FilteringArea {
    /// Fictional checks, last year's review and two unblock requests (one decided) for a demo store.
    /// The demo signs in as the head teacher, who may do all of it.
    static func addDemoData(to workspace: Workspace) throws {
        let area = workspace.filtering
        let today = workspace.today
        func day(_ offset: Int) -> CivilDate { today.adding(days: -offset) ?? today }
        try area.recordCheck(date: day(90), checkedBy: "Tom Whitfield with CompuTEAM", categories: ["illegal", "adult", "self-harm", "extremism", "gambling"],
                             device: "Year 5 class laptop", location: "Year 5 classroom", userGroup: "Pupils (KS2)", result: .passed,
                             resultDetail: "All five test sites blocked; the self-harm search alerted the DSL.", actions: "")
        try area.recordCheck(date: day(20), checkedBy: "Tom Whitfield", categories: ["adult", "gambling"], device: "Library iPad",
                             location: "Library", userGroup: "Pupils (KS2)", result: .failed,
                             resultDetail: "A betting site's app page loaded on the iPad's own browser.",
                             actions: "Reported to the SWGfL helpline and CompuTEAM; iPad profile fixed and checked again the next day.")
        try area.recordReview(date: day(75), seniorLeader: "Amira Haddad", governor: "Imogen Fairweather",
                              others: "Tom Whitfield (e-safety lead), CompuTEAM",
                              findings: "Filtering blocks the IWF list, adult, gambling and extremism categories for everyone; YouTube restricted mode for pupils. Allowed: the museum and BBC Bitesize video pages, for teaching.",
                              actions: "Termly checks on every device type; add the library iPads to monitoring.")
        let asked = try area.requestUnblock(site: "www.roman-baths.example", reason: "Year 4 topic on Roman Bath", requestedBy: "Chiamaka Obi", on: day(12))
        try area.decide(asked.id, .approved, allowed: "The museum's collection pages, for staff and pupils, until the end of the summer term",
                        why: "Educational content checked by the head teacher", on: day(11))
        try area.requestUnblock(site: "www.video-sharing.example", reason: "Class assembly clips", requestedBy: "Hamish Tully", on: day(2))
    }
}
