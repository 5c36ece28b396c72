import Foundation

/// How long sign-in makes a person wait after wrong passphrases: the first four are free, then
/// each further wrong try doubles the wait (2, 4, 8 … seconds, at most 5 minutes). Kept in the
/// account, so restarting esafety does not reset it.
public enum SignInThrottle {
    public static let freeAttempts = 4
    public static let longestWait = 300

    /// Seconds a person must wait after `failures` wrong passphrases.
    public static func delay(afterFailures failures: Int) -> Int {
        guard failures > freeAttempts else { return 0 }
        return min(longestWait, 1 << min(20, failures - freeAttempts))
    }

    /// Seconds still to wait at `now`, or 0.
    public static func remainingWait(failures: Int, lastFailure: Date?, now: Date) -> Int {
        guard let lastFailure else { return 0 }
        let wait = Double(delay(afterFailures: failures)) - now.timeIntervalSince(lastFailure)
        return wait > 0 ? Int(wait.rounded(.up)) : 0
    }
}
