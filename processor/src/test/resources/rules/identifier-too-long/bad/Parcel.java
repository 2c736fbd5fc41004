package fixtures;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

@Entity
@Table(name = "parcels")
public class Parcel {
  @Id @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "parcels")
  @SequenceGenerator(name = "parcels", sequenceName = "parcel_numbers_for_the_nightly_reconciliation_report_of_carriers") // fires
  Long id;
}
