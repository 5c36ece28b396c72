extension DemoData {
    /// One subject access request, received ten days ago from a parent, not answered yet, so the
    /// dashboard shows its deadline.
    static func addSubjectAccessRequest(to workspace: Workspace) throws {
        try workspace.aup.load()
        guard let pupil = workspace.aup.person(AUPRegister.makeID(.pupil, 1)) else { return }
        try workspace.recordSubjectAccessRequest(subject: pupil.fullName, requestedBy: "the pupil's mother (fictional demo)",
                                                 receivedOn: workspace.today.adding(days: -10))
    }
}
