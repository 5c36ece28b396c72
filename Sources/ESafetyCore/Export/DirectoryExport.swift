import Foundation

/// The role directory written out for other systems: roles with their holders, or people with
/// their roles, as JSON (sorted keys, like the store) or CSV.
public enum DirectoryExport {
    public static func roles(_ directory: RoleDirectory, format: ExportFormat) throws -> String {
        switch format {
        case .json:
            let rows: [[String: JSONValue]] = directory.roles.map { role in
                [
                    "id": .string(role.id), "name": .string(role.name), "summary": .string(role.summary),
                    "responsibilities": .array(role.responsibilities.map(JSONValue.string)),
                    "holders": .array(directory.holders(of: role.id).map { person in
                        .object(["id": .string(person.id), "fullName": .string(person.fullName),
                                 "phone": .string(person.phone), "email": .string(person.email)])
                    }),
                    "source": .string(role.source),
                ]
            }
            return try JSONValue.object(["roles": .array(rows.map(JSONValue.object))]).prettyJSON()
        case .csv:
            return CSVWriter.document(
                header: ["role_id", "role", "holder_ids", "holders", "responsibilities"],
                rows: directory.roles.map { role in
                    let holders = directory.holders(of: role.id)
                    return [role.id, role.name, holders.map(\.id).joined(separator: "; "),
                            holders.map(\.fullName).joined(separator: "; "), role.responsibilities.joined(separator: "; ")]
                })
        }
    }

    public static func people(_ directory: RoleDirectory, format: ExportFormat) throws -> String {
        let people = directory.peopleByName
        switch format {
        case .json:
            let rows: [JSONValue] = people.map { person in
                .object([
                    "id": .string(person.id), "fullName": .string(person.fullName), "title": .string(person.title),
                    "phone": .string(person.phone), "email": .string(person.email),
                    "roles": .array(directory.roles(heldBy: person.id).map { .string($0.id) }),
                ])
            }
            return try JSONValue.object(["people": .array(rows)]).prettyJSON()
        case .csv:
            return CSVWriter.document(
                header: ["id", "full_name", "title", "phone", "email", "roles"],
                rows: people.map { person in
                    [person.id, person.fullName, person.title, person.phone, person.email,
                     directory.roles(heldBy: person.id).map(\.name).joined(separator: "; ")]
                })
        }
    }
}
