package dev.awssim.awssdk;

import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSecondaryPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSecondarySortKey;

/** A bean for the Enhanced Client tests: keyed by id, indexed by city and name. */
@DynamoDbBean
public class Customer {
  private String id;
  private String name;
  private String city;
  private Integer orders;

  public Customer() {}

  Customer(String id, String name, String city, int orders) {
    this.id = id;
    this.name = name;
    this.city = city;
    this.orders = orders;
  }

  @DynamoDbPartitionKey
  public String getId() {
    return id;
  }

  public void setId(String id) {
    this.id = id;
  }

  @DynamoDbSecondarySortKey(indexNames = "byCity")
  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  @DynamoDbSecondaryPartitionKey(indexNames = "byCity")
  public String getCity() {
    return city;
  }

  public void setCity(String city) {
    this.city = city;
  }

  public Integer getOrders() {
    return orders;
  }

  public void setOrders(Integer orders) {
    this.orders = orders;
  }
}
