/// How the role directory is kept on disk: `directory.json`, one document so that a change that
/// touches a person and their roles is saved in one atomic write.
struct DirectoryDocument: Codable {
    var people: [Person]
    var roles: [Role]
    var nextPersonNumber: Int

    init(_ directory: RoleDirectory) {
        people = directory.people
        roles = directory.roles
        nextPersonNumber = directory.nextPersonNumber
    }

    var directory: RoleDirectory { RoleDirectory(people: people, roles: roles, nextPersonNumber: nextPersonNumber) }
}

/// How the reporting lines are kept on disk: `reporting-lines.json`.
struct ReportingLinesDocument: Codable {
    var reportingLines: [ReportingLine]
}
