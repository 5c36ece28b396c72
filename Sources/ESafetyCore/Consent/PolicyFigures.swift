/// The governors' counts of image consent and of filtering and monitoring: numbers only, never
/// a name (governors may see ``Permission/viewFigures`` and nothing of the registers themselves).
public struct PolicyFigures: Sendable, Equatable {
    public var consent: [GovernorFigures.Count]
    public var filtering: [GovernorFigures.Count]

    /// Lines for a text report: a heading and `label  count` for each row.
    public var lines: [String] {
        func rows(_ counts: [GovernorFigures.Count]) -> [String] {
            counts.map { "  " + $0.label.padding(toLength: 40, withPad: " ", startingAt: 0) + " \($0.count)" }
        }
        return ["Image consent"] + rows(consent) + ["", "Filtering and monitoring"] + rows(filtering)
    }
}

extension Workspace {
    /// The counts governors see. Like the incident figures they need no sign-in: they read the
    /// consent register and the filtering log directly, and no name leaves this function.
    public func policyFigures() throws -> PolicyFigures {
        let register = consents
        try register.load()
        let pupils = register.roster.people(in: .pupil).map { register.consent(of: $0.id) }
        let withForm = pupils.filter { $0.latestForm != nil }.count
        let withdrawals = pupils.filter { $0.latestWithdrawal != nil }.count
        var consent = [GovernorFigures.Count(label: "Pupils on the roster", count: pupils.count),
                       .init(label: "Consent form returned", count: withForm),
                       .init(label: "No consent form", count: pupils.count - withForm)]
        for use in ConsentUse.allCases {
            consent.append(.init(label: "Consent given: \(use.title)", count: pupils.filter { $0.allows(use) }.count))
        }
        consent.append(.init(label: "Pupils who withdrew consent", count: withdrawals))
        let toReview = register.images.filter(\.isInUse).filter { image in
            image.pupilIDs.contains { !register.consent(of: $0).allows(image.use) }
        }.count
        consent.append(.init(label: "Images in use to review", count: toReview))
        let counts = try filtering.counts()
        let filteringRows = [GovernorFigures.Count(label: "Filtering checks logged", count: counts.checks),
                             .init(label: "Checks that failed", count: counts.failed),
                             .init(label: "Annual reviews recorded", count: counts.reviews),
                             .init(label: "Unblock requests", count: counts.requests)]
        return PolicyFigures(consent: consent, filtering: filteringRows)
    }
}
