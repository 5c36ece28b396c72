/// As its synthesized `Codable` writes it.
extension AuditActor: StoreFastJSONWritable {
    func write(to writer: inout StoreFastJSONWriter) {
        writer.beginObject()
        writer.member("id", id)
        writer.member("name", name)
        writer.endObject()
    }
}
