import Foundation

extension TmuxSession {
    /// From the home screen: Incidents › Record an incident, waiting for step 1 of the form.
    public func openIncidentForm() throws {
        try waitFor("1  Incidents")
        send(keys: "1")
        try waitFor("1  Record an incident")
        send(keys: "1")
        try waitFor("Step 1 of 9: Details of incident")
    }
}
