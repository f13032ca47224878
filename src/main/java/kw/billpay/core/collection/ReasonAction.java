package kw.billpay.core.collection;

/** What a bank's reason for not collecting means for the mandate. */
public enum ReasonAction {
    /** Asked again on the 28th for what is still unpaid then (AM04, insufficient funds). */
    RE_PRESENT,
    /** Not asked again this month; the mandate stays active for the next. */
    SKIP,
    /** Never asked again: the mandate is suspended until operations put it back (AC04, MD01, MD07). */
    SUSPEND
}
