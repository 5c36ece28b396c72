import Foundation

/// The school's roles and the people who hold them: who is the e-safety lead, who the designated
/// child protection leads are, and how to reach them. A value; `Workspace` saves it.
public struct RoleDirectory: Sendable, Equatable {
    public private(set) var people: [Person]
    public private(set) var roles: [Role]
    /// The number the next new person's id is made from.
    public private(set) var nextPersonNumber: Int

    /// Roles that other parts of esafety rely on and that cannot be removed.
    public static let protectedRoleIDs: Set<String> = [
        Role.WellKnown.esafetyLead, Role.WellKnown.headTeacher, Role.WellKnown.childProtectionLead,
        Role.WellKnown.safeguardingAdvisor, Role.WellKnown.technicalSupport, Role.WellKnown.linkGovernor,
        Role.WellKnown.chairOfGovernors,
    ]

    public init(people: [Person] = [], roles: [Role] = [], nextPersonNumber: Int? = nil) {
        self.people = people
        self.roles = roles
        let highest = people.compactMap { Int($0.id.dropFirst()) }.max() ?? 0
        self.nextPersonNumber = max(nextPersonNumber ?? 1, highest + 1)
    }

    // MARK: Reading

    public func person(_ id: String) -> Person? { people.first { $0.id == id } }

    /// The person someone signing in names: by id, else by full name (case and accents aside).
    public func personSigningIn(as user: String) -> Person? {
        person(user) ?? people.first { TextSearch.fold($0.fullName) == TextSearch.fold(user) }
    }
    public func role(_ id: String) -> Role? { roles.first { $0.id == id } }

    /// The people who hold a role, in the role's order.
    public func holders(of roleID: String) -> [Person] {
        (role(roleID)?.holderIDs ?? []).compactMap(person)
    }

    /// The roles a person holds, in directory order.
    public func roles(heldBy personID: String) -> [Role] {
        roles.filter { $0.holderIDs.contains(personID) }
    }

    /// People sorted by name, for lists.
    public var peopleByName: [Person] {
        TextSearch.sortedByName(people, name: \.fullName)
    }

    /// People whose name, title, phone, email or roles match every word of the query.
    public func searchPeople(_ query: String) -> [Person] {
        peopleByName.filter { person in
            TextSearch.matches(query, in: [person.fullName, person.title, person.phone, person.email]
                               + roles(heldBy: person.id).map(\.name))
        }
    }

    // MARK: Changing

    /// Adds a person and returns them with their new id.
    @discardableResult
    public mutating func addPerson(fullName: String, title: String = "", phone: String = "", email: String = "", notes: String = "") throws -> Person {
        let name = fullName.trimmed
        guard !name.isEmpty else { throw DirectoryError.emptyName }
        let person = Person(id: String(format: "P%04d", nextPersonNumber), fullName: name, title: title.trimmed,
                            phone: phone.trimmed, email: email.trimmed, notes: notes)
        nextPersonNumber += 1
        people.append(person)
        return person
    }

    /// Makes sure the next new person's number is at least `number` (the store gives numbers
    /// out once across every session, even after a person is removed).
    public mutating func reserve(personNumber number: Int) {
        nextPersonNumber = max(nextPersonNumber, number)
    }

    /// Replaces a person's details (matched by id).
    public mutating func updatePerson(_ updated: Person) throws {
        guard let index = people.firstIndex(where: { $0.id == updated.id }) else { throw DirectoryError.unknownPerson(updated.id) }
        var person = updated
        person.fullName = person.fullName.trimmed
        guard !person.fullName.isEmpty else { throw DirectoryError.emptyName }
        people[index] = person
    }

    /// Removes a person and takes them out of every role they held; returns those roles' names.
    @discardableResult
    public mutating func removePerson(_ id: String) throws -> [String] {
        guard let index = people.firstIndex(where: { $0.id == id }) else { throw DirectoryError.unknownPerson(id) }
        people.remove(at: index)
        var affected: [String] = []
        for roleIndex in roles.indices where roles[roleIndex].holderIDs.contains(id) {
            roles[roleIndex].holderIDs.removeAll { $0 == id }
            affected.append(roles[roleIndex].name)
        }
        return affected
    }

    /// Adds a new role with an id made from its name.
    @discardableResult
    public mutating func addRole(name: String, summary: String = "", responsibilities: [String] = []) throws -> Role {
        let trimmed = name.trimmed
        guard !trimmed.isEmpty else { throw DirectoryError.emptyName }
        guard !roles.contains(where: { TextSearch.fold($0.name) == TextSearch.fold(trimmed) }) else {
            throw DirectoryError.duplicateRole(trimmed)
        }
        var id = Self.slug(trimmed)
        var suffix = 2
        while role(id) != nil { id = Self.slug(trimmed) + "-\(suffix)"; suffix += 1 }
        let role = Role(id: id, name: trimmed, summary: summary.trimmed, responsibilities: responsibilities, source: "Added by the school")
        roles.append(role)
        return role
    }

    /// Replaces a role's name, summary and responsibilities (its holders are kept).
    public mutating func updateRole(_ updated: Role) throws {
        guard let index = roles.firstIndex(where: { $0.id == updated.id }) else { throw DirectoryError.unknownRole(updated.id) }
        let name = updated.name.trimmed
        guard !name.isEmpty else { throw DirectoryError.emptyName }
        if roles.contains(where: { $0.id != updated.id && TextSearch.fold($0.name) == TextSearch.fold(name) }) {
            throw DirectoryError.duplicateRole(name)
        }
        roles[index].name = name
        roles[index].summary = updated.summary.trimmed
        roles[index].responsibilities = updated.responsibilities.map(\.trimmed).filter { !$0.isEmpty }
    }

    /// Removes a role the school added. The roles esafety relies on cannot be removed.
    public mutating func removeRole(_ id: String) throws {
        guard let index = roles.firstIndex(where: { $0.id == id }) else { throw DirectoryError.unknownRole(id) }
        guard !Self.protectedRoleIDs.contains(id) else { throw DirectoryError.protectedRole(roles[index].name) }
        roles.remove(at: index)
    }

    /// Makes a person a holder of a role (after the current holders).
    public mutating func assign(personID: String, to roleID: String) throws {
        guard let person = person(personID) else { throw DirectoryError.unknownPerson(personID) }
        guard let index = roles.firstIndex(where: { $0.id == roleID }) else { throw DirectoryError.unknownRole(roleID) }
        guard !roles[index].holderIDs.contains(personID) else {
            throw DirectoryError.alreadyHolds(person: person.fullName, role: roles[index].name)
        }
        roles[index].holderIDs.append(personID)
    }

    /// Takes a person out of a role.
    public mutating func unassign(personID: String, from roleID: String) throws {
        guard let index = roles.firstIndex(where: { $0.id == roleID }) else { throw DirectoryError.unknownRole(roleID) }
        guard roles[index].holderIDs.contains(personID) else { throw DirectoryError.unknownPerson(personID) }
        roles[index].holderIDs.removeAll { $0 == personID }
    }

    static func slug(_ name: String) -> String {
        let folded = TextSearch.fold(name)
        var slug = ""
        for scalar in folded.unicodeScalars {
            if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                slug.unicodeScalars.append(scalar)
            } else if !slug.hasSuffix("-") && !slug.isEmpty {
                slug += "-"
            }
        }
        while slug.hasSuffix("-") { slug.removeLast() }
        return slug.isEmpty ? "role" : slug
    }
}

extension String {
    /// The string without leading and trailing white space.
    var trimmed: String { trimmingCharacters(in: .whitespacesAndNewlines) }
}
