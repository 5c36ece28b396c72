public enum ESafetyCoreVersion { public static let version = "0.1.0" }
