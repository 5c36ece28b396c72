import Foundation

/// `directory.json` is rewritten whole by every change to a person or a role, and holds every
/// person; this writes it without `JSONEncoder`, byte for byte the same.
extension DirectoryDocument: StoreFastEncodable, StoreFastJSONWritable {
    func fastEncoded() -> Data? {
        StoreFastJSONWriter.encode(self, capacity: 512 + 256 * people.count + 768 * roles.count)
    }

    func write(to writer: inout StoreFastJSONWriter) {
        writer.beginObject()
        writer.member("nextPersonNumber", nextPersonNumber)
        writer.member("people", people)
        writer.member("roles", roles)
        writer.endObject()
    }
}

/// As its synthesized `Codable` writes it.
extension Person: StoreFastJSONWritable {
    func write(to writer: inout StoreFastJSONWriter) {
        writer.beginObject()
        writer.member("email", email)
        writer.member("fullName", fullName)
        writer.member("id", id)
        writer.member("notes", notes)
        writer.member("phone", phone)
        writer.member("title", title)
        writer.endObject()
    }
}

/// As its synthesized `Codable` writes it.
extension Role: StoreFastJSONWritable {
    func write(to writer: inout StoreFastJSONWriter) {
        writer.beginObject()
        writer.member("holderIDs", holderIDs)
        writer.member("id", id)
        writer.member("name", name)
        writer.member("responsibilities", responsibilities)
        writer.member("source", source)
        writer.member("summary", summary)
        writer.endObject()
    }
}
