import Foundation

/// The day a build is made for. It decides time-dependent output (the consultation banner), so
/// it is fixed from outside: `--date YYYY-MM-DD`, else `SOURCE_DATE_EPOCH` (seconds since 1970,
/// as reproducible-build tools set it), else today's date in UTC.
public enum BuildDate {
    public enum Problem: Error, CustomStringConvertible {
        case badOption(String)
        case badEpoch(String)

        public var description: String {
            switch self {
            case .badOption(let text): return "--date must be a date written YYYY-MM-DD, not '\(text)'"
            case .badEpoch(let text): return "SOURCE_DATE_EPOCH must be a whole number of seconds since 1970-01-01, not '\(text)'"
            }
        }
    }

    /// The date from the `--date` option (if given) or the environment.
    public static func resolve(option: String?, environment: [String: String] = ProcessInfo.processInfo.environment,
                               now: Date = Date()) throws(Problem) -> CalendarDate {
        if let option {
            guard let date = CalendarDate(iso: option) else { throw .badOption(option) }
            return date
        }
        if let epoch = environment["SOURCE_DATE_EPOCH"], !epoch.isEmpty {
            guard let seconds = Int64(epoch) else { throw .badEpoch(epoch) }
            return utcDate(Date(timeIntervalSince1970: TimeInterval(seconds)))
        }
        return utcDate(now)
    }

    /// `SOURCE_DATE_EPOCH` when it is valid, else today (UTC): the default for library callers.
    public static func fromEnvironment() -> CalendarDate {
        (try? resolve(option: nil)) ?? utcDate(Date())
    }

    static func utcDate(_ date: Date) -> CalendarDate {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return CalendarDate(year: parts.year!, month: parts.month!, day: parts.day!)!
    }
}
