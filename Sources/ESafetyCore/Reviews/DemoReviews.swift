import CivilTime

/// Fictional review history for `esafety init --demo`, relative to the day the demo is made, so
/// the demo always has some items overdue, some due soon and some done.
enum DemoReviews {
    static func schedule(from base: ReviewSchedule, calendar: SchoolCalendar, today: CivilDate) -> ReviewSchedule {
        var schedule = base
        schedule.documents = [
            PolicyDocument(id: "esafety-policy", title: "E-safety policy", writtenBy: "SLT", approvedBy: "FGB",
                           reviewCycle: "Annually", lastReview: calendar.label(for: today.adding(days: -400)!),
                           nextReview: "LGB " + calendar.label(for: today.adding(days: -35)!)),
        ]
        let lead = "Tom Whitfield (fictional)"
        func done(_ id: String, daysAgo: Int, by: String = lead, _ notes: String, _ evidence: String) {
            let completion = ReviewCompletion(date: today.adding(days: -daysAgo)!, doneBy: by, notes: notes,
                                              evidence: evidence, recordedBy: "demo data")
            try? schedule.markDone(id, completion, today: today)
        }
        done("policy-review", daysAgo: 765, "Reviewed with the full governing body; no changes.", "FGB minutes item 7")
        done("policy-review", daysAgo: 400, "Reviewed; added mobile phones section.", "FGB minutes item 5")
        done("working-group", daysAgo: 150, "Reviewed the incident log and filtering reports.", "Working group notes")
        done("governors-report", daysAgo: 300, by: "Link governor (fictional)", "Annual report presented.", "Governors' report")
        done("training-audit", daysAgo: 380, "Staff survey of training needs.", "Training needs survey")
        done("technical-audit", daysAgo: 200, by: "Child-protection lead with technical support", "Audit of ICT security.", "Audit checklist")
        done("filtering-monitoring", daysAgo: 100, by: "DSL and technical support", "Checked filtering reports and alerts.", "Filtering log")
        let lastFebruary = today.month >= 2 ? today.year : today.year - 1
        done("safer-internet-week", daysAgo: today.daysSinceEpoch - CivilDate(year: lastFebruary, month: 2, day: 10)!.daysSinceEpoch,
             "Assemblies in every year group.", "Assembly plan")
        let yearStart = calendar.schoolYearStart(SchoolCalendar.academicYear(of: today)).adding(days: 3)!
        if yearStart <= today {
            done("aup-signing", daysAgo: today.daysSinceEpoch - yearStart.daysSinceEpoch, "All classes signed.", "Signed AUPs in the office")
        }
        return schedule
    }
}
