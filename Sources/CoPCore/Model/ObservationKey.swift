/// The identity of an observation in a data file.
package struct ObservationKey: Hashable {
  package var area: String
  package var period: String
  package var stratum: String?

  package init(area: String, period: String, stratum: String?) {
    self.area = area
    self.period = period
    self.stratum = stratum
  }
}
