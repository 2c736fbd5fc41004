package fixtures;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

@Entity
@Table(name = "tickets")
public class Ticket {
  @Id @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "tickets")
  @SequenceGenerator(name = "tickets", sequenceName = "ticket_numbers")
  Long id;
}
